using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Chaos;

/// <summary>
/// One chaos run: its kills, how the study ended, trials lost, trials recorded twice (more than one accepted
/// completion in the store's completion log), and the recovery time (first kill to next completed trial).
/// </summary>
internal sealed record ChaosRunResult(int Run, IReadOnlyList<ChaosKill> Kills, StudyStatus Status, int Lost, int RecordedTwice, int LeftPending, double RecoverySeconds);
