namespace NasOrleans.Core.Specs;

/// <summary>
/// Early stopping of trials whose trainer reports learning curves (one report per step, e.g. per epoch).
/// <see cref="Rule"/> is <c>median</c> (stop a trial whose objective at a step is worse than the median of the
/// other trials at that step, Vizier's median stopping rule) or <c>asha</c> (asynchronous successive halving:
/// at rungs <c>min_steps × reduction_factor^k</c> a trial goes on only while it is in the top
/// 1/<c>reduction_factor</c> of the trials that reached that rung). The objective metric is compared.
/// </summary>
public sealed record EarlyStoppingSpec(string Rule, int MinSteps, int ReductionFactor, int MinTrials)
{
    /// <summary>The rule names.</summary>
    public static readonly IReadOnlyList<string> Rules = ["median", "asha"];
}
