namespace NasOrleans.Core.Specs;

/// <summary>
/// How much the study may spend: <see cref="MaxTrials"/> distinct architectures sent to training,
/// at most <see cref="ParallelTrials"/> at once, and it fails after <see cref="MaxFailedTrials"/> failed trials.
/// </summary>
public sealed record BudgetSpec(int MaxTrials, int ParallelTrials, int MaxFailedTrials);
