using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Chaos;

/// <summary>
/// One chaos run: the silo killed, how the study ended, trials lost, trials recorded twice (more than one accepted
/// completion in the store's completion log), and the recovery time (kill to next completed trial).
/// </summary>
internal sealed record ChaosRunResult(int Run, string Killed, StudyStatus Status, int Lost, int RecordedTwice, int LeftPending, double RecoverySeconds);
