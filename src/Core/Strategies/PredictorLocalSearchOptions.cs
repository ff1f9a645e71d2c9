namespace NasOrleans.Core.Strategies;

/// <summary>The parameters of <see cref="PredictorLocalSearch"/>.</summary>
/// <param name="InitialSamples">Random architectures evaluated before the model guides the search.</param>
/// <param name="Candidates">Random architectures drawn once as the pool the first climb may start from.</param>
/// <param name="PredictedOrder">Whether neighbours are tried best-predicted first (else in random order).</param>
/// <param name="Patience">Neighbours of one incumbent tried without improvement before the climb restarts (0: all of them).</param>
/// <param name="RestartCandidates">Fresh random architectures drawn at each restart; the new climb starts from the best-predicted.</param>
/// <param name="Surrogate">The surrogate model's options.</param>
public sealed record PredictorLocalSearchOptions(
    int InitialSamples,
    int Candidates,
    bool PredictedOrder,
    int Patience,
    int RestartCandidates,
    SurrogateOptions Surrogate)
{
    /// <summary>The documented parameters, with defaults.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("initial_samples", ParameterKind.Integer, "20", "Random architectures evaluated before the model guides the search.", Min: 1, Max: 100_000),
        new("candidates", ParameterKind.Integer, "5000", "Random architectures drawn once (distinct); the first climb starts from the best of the initial samples and the candidate predicted best.", Min: 1, Max: 1_000_000),
        new("neighbour_order", ParameterKind.Text, "predicted", "Order in which an incumbent's neighbours are tried: predicted (best first) or random.", Choices: ["predicted", "random"]),
        new("patience", ParameterKind.Integer, "6", "Neighbours of one incumbent tried without improvement before restarting; 0 tries all of them.", Min: 0, Max: 100_000),
        new("restart_candidates", ParameterKind.Integer, "10", "Fresh random architectures drawn at each restart; the new climb starts from the one predicted best (1: a random restart).", Min: 1, Max: 1_000_000),
        .. SurrogateOptions.Parameters,
    ];

    /// <summary>Reads the options from resolved parameters.</summary>
    public static PredictorLocalSearchOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.GetInt("initial_samples"),
            p.GetInt("candidates"),
            p.GetString("neighbour_order") == "predicted",
            p.GetInt("patience"),
            p.GetInt("restart_candidates"),
            SurrogateOptions.From(p));
    }
}
