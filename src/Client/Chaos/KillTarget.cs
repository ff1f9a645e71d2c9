namespace NasOrleans.Client.Chaos;

/// <summary>
/// The silo to kill and what it may cost, chosen while trials of the run's study train: <see cref="AttemptsAtKill"/>
/// holds the trials the kill can cost (on the victim for a trainer, anywhere for a control silo) with their attempts
/// read from the store just before the kill; <see cref="TrainingAnywhere"/> every trial of the study training then.
/// </summary>
internal sealed record KillTarget(string Victim, ChaosVictimRole Role, IReadOnlyDictionary<string, int> AttemptsAtKill, IReadOnlyList<string> TrainingAnywhere);
