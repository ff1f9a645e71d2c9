namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>
/// A trial leased to a trainer until <see cref="ExpiresAt"/>, extended by heartbeats; an expired lease's trial is
/// queued again under a new lease. It carries what the trainer needs, so that the trainer never calls the study
/// for it: the study's canonical spec (<see cref="SpecJson"/>, validated at submit) with the work item.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("nas.TrialLease")]
public sealed record TrialLease(
    [property: Id(0)] Guid LeaseId,
    [property: Id(1)] TrialTask Task,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] string SpecJson = "");
