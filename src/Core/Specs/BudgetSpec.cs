namespace NasOrleans.Core.Specs;

/// <summary>
/// How much the study may spend: <see cref="MaxTrials"/> distinct architectures sent to training,
/// at most <see cref="ParallelTrials"/> at once, and it fails past <see cref="MaxFailedTrials"/> failed trials. A
/// trial still training after <see cref="TrialTimeoutSeconds"/> (<c>trial_timeout</c>, none by default) is stopped and
/// recorded as failed.
/// </summary>
public sealed record BudgetSpec(int MaxTrials, int ParallelTrials, int MaxFailedTrials, double? TrialTimeoutSeconds = null)
{
    /// <summary>The longest <c>trial_timeout</c> accepted: a week.</summary>
    public const double MaxTrialTimeoutSeconds = 7 * 24 * 3600;

    /// <summary>The default of <c>max_failed_trials</c>: max(3, 10% of <paramref name="maxTrials"/>).</summary>
    public static int DefaultMaxFailedTrials(int maxTrials) => Math.Max(3, maxTrials / 10);
}
