namespace NasOrleans.Core.Strategies;

/// <summary>The parameters of <see cref="LayerNas"/>.</summary>
/// <param name="InitialSamples">Random feasible architectures evaluated before the layerwise passes.</param>
/// <param name="Buckets">Cost buckets (by quantiles of the cost of random feasible architectures).</param>
/// <param name="PerBucket">Candidates kept per cost bucket after each layer.</param>
/// <param name="BucketSamples">Random architectures whose costs set the bucket edges.</param>
/// <param name="SampledValues">Values tried for a float decision, or an integer one of over 256 values, per layer.</param>
public sealed record LayerNasOptions(int InitialSamples, int Buckets, int PerBucket, int BucketSamples, int SampledValues)
{
    /// <summary>The documented parameters, with defaults.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("initial_samples", ParameterKind.Integer, "8", "Random feasible architectures evaluated before the layerwise passes.", Min: 1, Max: 100_000),
        new("buckets", ParameterKind.Integer, "4", "Cost buckets, split at quantiles of the cost of random feasible architectures; one when the study has no cost function.", Min: 1, Max: 1000),
        new("per_bucket", ParameterKind.Integer, "2", "Candidates kept per cost bucket after each layer (the best by score).", Min: 1, Max: 1000),
        new("bucket_samples", ParameterKind.Integer, "1000", "Random architectures whose costs (known before training) set the bucket edges.", Min: 1, Max: 1_000_000),
        new("sampled_values", ParameterKind.Integer, "8", "Values tried for a float decision, or an integer one of over 256 values, when its layer comes.", Min: 1, Max: 1000),
        PolicyGradientOptions.CostMetricParameter,
    ];

    /// <summary>Reads the options from resolved parameters.</summary>
    public static LayerNasOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.GetInt("initial_samples"), p.GetInt("buckets"), p.GetInt("per_bucket"), p.GetInt("bucket_samples"), p.GetInt("sampled_values"));
    }
}
