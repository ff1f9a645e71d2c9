namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>
/// A trial leased to a trainer until <see cref="ExpiresAt"/>, extended by heartbeats. Only the current
/// lease of a trial may complete it; an expired lease's trial is queued again under a new lease.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("nas.TrialLease")]
public sealed record TrialLease(
    [property: Id(0)] Guid LeaseId,
    [property: Id(1)] TrialTask Task,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset ExpiresAt);
