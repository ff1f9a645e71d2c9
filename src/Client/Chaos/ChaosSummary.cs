using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Chaos;

/// <summary>
/// The totals of a chaos soak over its runs: kills, kills that landed while the run's study was training, trials lost
/// (never completed, or left pending), trials recorded twice (more than one accepted completion in the completion
/// log), trainings started again because of a kill (all kills, and control-silo kills only), the recovery times, every
/// kill in order, and the exit code they call for.
/// </summary>
internal sealed record ChaosSummary(
    int Runs,
    int Kills,
    int KillsInFlight,
    int Lost,
    int RecordedTwice,
    int TrainingsLost,
    int TrainingsLostControl,
    double RecoveryMedianSeconds,
    double RecoveryMaxSeconds,
    bool AllCompleted,
    IReadOnlyList<ChaosKill> KillLog)
{
    /// <summary>
    /// 0 only when no trial was lost or recorded twice, no control-silo kill cost a training, and every study
    /// completed; otherwise "study not completed". Trainings lost to trainer kills are expected and do not count.
    /// </summary>
    public int ExitCode => Lost == 0 && RecordedTwice == 0 && TrainingsLostControl == 0 && AllCompleted ? ExitCodes.Ok : ExitCodes.StudyNotCompleted;

    /// <summary>Sums <paramref name="results"/> (at least one run).</summary>
    public static ChaosSummary From(IReadOnlyList<ChaosRunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfZero(results.Count);
        var recoveries = results.Select(r => r.RecoverySeconds).Order().ToList();
        var median = recoveries.Count % 2 == 1 ? recoveries[recoveries.Count / 2] : (recoveries[(recoveries.Count / 2) - 1] + recoveries[recoveries.Count / 2]) / 2;
        var kills = results.SelectMany(r => r.Kills).ToList();
        return new ChaosSummary(
            results.Count,
            kills.Count,
            kills.Count(k => k.InFlight),
            results.Sum(r => r.Lost + r.LeftPending),
            results.Sum(r => r.RecordedTwice),
            kills.Sum(k => k.TrainingLost),
            kills.Where(k => k.Role == ChaosVictimRole.Control).Sum(k => k.TrainingLost),
            median,
            recoveries[^1],
            results.All(r => r.Status == StudyStatus.Completed),
            kills);
    }
}
