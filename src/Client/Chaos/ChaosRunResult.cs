using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Chaos;

/// <summary>One chaos run: the silo killed, how the study ended, trials lost or duplicated, and the recovery time (kill to next completed trial).</summary>
internal sealed record ChaosRunResult(int Run, string Killed, StudyStatus Status, int Lost, int Duplicated, int LeftPending, double RecoverySeconds);
