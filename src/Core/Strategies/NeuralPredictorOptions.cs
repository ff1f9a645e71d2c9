namespace NasOrleans.Core.Strategies;

/// <summary>The parameters of <see cref="NeuralPredictorSearch"/>.</summary>
/// <param name="InitialSamples">Random architectures evaluated before the model is used.</param>
/// <param name="Candidates">Random architectures drawn once and ranked by the model.</param>
/// <param name="TopK">Best-ranked candidates proposed from one fit before the pool is ranked again.</param>
/// <param name="Surrogate">The model's options.</param>
public sealed record NeuralPredictorOptions(int InitialSamples, int Candidates, int TopK, SurrogateOptions Surrogate)
{
    /// <summary>The documented parameters, with defaults.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("initial_samples", ParameterKind.Integer, "20", "Random architectures evaluated before the model is fitted (20 suits a budget of 100).", Min: 1, Max: 100_000),
        new("candidates", ParameterKind.Integer, "5000", "Random architectures drawn once (distinct) and ranked by the model.", Min: 1, Max: 1_000_000),
        new("top_k", ParameterKind.Integer, "10", "Best-ranked candidates proposed from one fit; the model is refitted with their results before ranking again.", Min: 1, Max: 1_000_000),
        .. SurrogateOptions.Parameters,
    ];

    /// <summary>Reads the options from resolved parameters.</summary>
    public static NeuralPredictorOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.GetInt("initial_samples"), p.GetInt("candidates"), p.GetInt("top_k"), SurrogateOptions.From(p));
    }
}
