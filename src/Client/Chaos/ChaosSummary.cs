using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Chaos;

/// <summary>
/// The totals of a chaos soak over its runs: trials lost (never completed, or left pending), trials recorded twice
/// (more than one accepted completion in the completion log), the recovery times, and the exit code they call for.
/// </summary>
internal sealed record ChaosSummary(int Runs, int Lost, int RecordedTwice, double RecoveryMedianSeconds, double RecoveryMaxSeconds, bool AllCompleted)
{
    /// <summary>0 only when no trial was lost or recorded twice and every study completed; otherwise "study not completed".</summary>
    public int ExitCode => Lost == 0 && RecordedTwice == 0 && AllCompleted ? ExitCodes.Ok : ExitCodes.StudyNotCompleted;

    /// <summary>Sums <paramref name="results"/> (at least one run).</summary>
    public static ChaosSummary From(IReadOnlyList<ChaosRunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfZero(results.Count);
        var recoveries = results.Select(r => r.RecoverySeconds).Order().ToList();
        var median = recoveries.Count % 2 == 1 ? recoveries[recoveries.Count / 2] : (recoveries[(recoveries.Count / 2) - 1] + recoveries[recoveries.Count / 2]) / 2;
        return new ChaosSummary(
            results.Count,
            results.Sum(r => r.Lost + r.LeftPending),
            results.Sum(r => r.RecordedTwice),
            median,
            recoveries[^1],
            results.All(r => r.Status == StudyStatus.Completed));
    }
}
