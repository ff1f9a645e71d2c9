namespace NasOrleans.Core.Specs;

/// <summary>
/// How much the study may spend: <see cref="MaxTrials"/> distinct architectures sent to training,
/// at most <see cref="ParallelTrials"/> at once, and it fails past <see cref="MaxFailedTrials"/> failed trials.
/// </summary>
public sealed record BudgetSpec(int MaxTrials, int ParallelTrials, int MaxFailedTrials)
{
    /// <summary>The default of <c>max_failed_trials</c>: max(3, 10% of <paramref name="maxTrials"/>).</summary>
    public static int DefaultMaxFailedTrials(int maxTrials) => Math.Max(3, maxTrials / 10);
}
