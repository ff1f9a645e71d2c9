namespace NasOrleans.Core.Strategies;

/// <summary>The parameters <see cref="Ppo"/> adds to <see cref="PolicyGradientOptions"/>.</summary>
/// <param name="Clip">The clip range ε of the probability ratio.</param>
/// <param name="Epochs">Adam steps over each full buffer.</param>
/// <param name="BatchSize">Observations collected before an update.</param>
public sealed record PpoOptions(double Clip, int Epochs, int BatchSize)
{
    /// <summary>The documented parameters, with defaults.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("clip", ParameterKind.Number, "0.2", "Clip range of the probability ratio pi/pi_old in the surrogate objective.", Min: 0.001, Max: 10),
        new("epochs", ParameterKind.Integer, "4", "Adam steps over each full buffer.", Min: 1, Max: 1000),
        new("batch_size", ParameterKind.Integer, "5", "Observations collected before each update; the buffer then empties.", Min: 1, Max: 100_000),
    ];

    /// <summary>Reads the options from resolved parameters.</summary>
    public static PpoOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.GetDouble("clip"), p.GetInt("epochs"), p.GetInt("batch_size"));
    }
}
