namespace NasOrleans.Core.Strategies;

/// <summary>The parameters <see cref="TabNas"/> adds to <see cref="PolicyGradientOptions"/>.</summary>
/// <param name="FeasibilitySamples">Policy samples per update for the Monte-Carlo estimate of P(feasible) and its gradient.</param>
/// <param name="MaxRejections">Samples tried per proposal before giving up on feasibility.</param>
public sealed record TabNasOptions(int FeasibilitySamples, int MaxRejections)
{
    /// <summary>The documented parameters, with defaults.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("feasibility_samples", ParameterKind.Integer, "256", "Policy samples per update for the Monte-Carlo estimate of P(feasible) and its gradient (the TabNAS correction).", Min: 1, Max: 1_000_000),
        new("max_rejections", ParameterKind.Integer, "10000", "Samples tried per proposal; if all exceed the cost limit, the cheapest of them is proposed.", Min: 1, Max: 10_000_000),
    ];

    /// <summary>Reads the options from resolved parameters.</summary>
    public static TabNasOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.GetInt("feasibility_samples"), p.GetInt("max_rejections"));
    }
}
