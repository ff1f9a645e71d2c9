using NasOrleans.Core.Predictors;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>The surrogate-model parameters of the predictor-guided strategies (see <see cref="ArchitecturePredictor"/>).</summary>
/// <param name="KernelScale">The kernel's decay with differing decisions.</param>
/// <param name="Ridge">The ridge (noise relative to the kernel's scale).</param>
/// <param name="ClipQuantile">Observed scores below this quantile are raised to it before fitting.</param>
/// <param name="AdditiveWeight">The weight of the kernel's additive (main-effects) part.</param>
public sealed record SurrogateOptions(double KernelScale, double Ridge, double ClipQuantile, double AdditiveWeight)
{
    /// <summary>The documented parameters, with defaults.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("kernel_scale", ParameterKind.Number, "3", "Decay of the surrogate's exponential Hamming kernel: k = exp(-scale * differing decisions / decisions).", Min: 0.01, Max: 100),
        new("ridge", ParameterKind.Number, "0.1", "Ridge of the surrogate's kernel regression (observation noise relative to the kernel's scale of 1).", Min: 1e-6, Max: 100),
        new("additive_weight", ParameterKind.Number, "0", "Weight of the additive (per-decision main effects) part of the surrogate's kernel, mixed with the exponential Hamming part.", Min: 0, Max: 1),
        new("clip_quantile", ParameterKind.Number, "0.25", "Scores below this quantile of the observed ones are raised to it before fitting (0 keeps them).", Min: 0, Max: 1),
    ];

    /// <summary>Reads the options from resolved parameters.</summary>
    public static SurrogateOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.GetDouble("kernel_scale"), p.GetDouble("ridge"), p.GetDouble("clip_quantile"), p.GetDouble("additive_weight"));
    }

    /// <summary>An empty predictor over <paramref name="space"/> with these options.</summary>
    public ArchitecturePredictor CreatePredictor(SearchSpace space) => new(space, KernelScale, Ridge, ClipQuantile, AdditiveWeight);
}
