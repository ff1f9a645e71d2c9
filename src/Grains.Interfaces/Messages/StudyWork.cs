namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>
/// What a study offers the scheduler: its spec (carried into every lease) and trials to train. With
/// <see cref="Resync"/>, <see cref="Tasks"/> is every trial the study still waits for: the scheduler drops queued
/// trials and leases of the study that are not in it, and holds trials it has never seen (they may be training
/// under a lease that a lost scheduler granted) until the recovery window ends or their trainer's heartbeat adopts them.
/// </summary>
/// <param name="StudyId">The study.</param>
/// <param name="SpecHash">The spec's hash (trainers cache the study's trainer by it).</param>
/// <param name="SpecJson">The canonical spec.</param>
/// <param name="Tasks">Trials to train.</param>
/// <param name="Resync">Whether <paramref name="Tasks"/> lists every trial the study still waits for.</param>
/// <param name="External">Whether the study's trials go to ask/tell workers outside the cluster (<c>trainer: { kind: external }</c>): they leave the slots' rotation and are leased through <see cref="IAskTellGrain"/> only.</param>
[GenerateSerializer, Immutable]
[Alias("nas.StudyWork")]
public sealed record StudyWork(
    [property: Id(0)] string StudyId,
    [property: Id(1)] string SpecHash,
    [property: Id(2)] string SpecJson,
    [property: Id(3)] IReadOnlyList<TrialTask> Tasks,
    [property: Id(4)] bool Resync,
    [property: Id(5)] bool External = false);
