namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>
/// A heartbeat of a lease. It carries the whole lease (work item and attempt) and the slot, so that a scheduler that
/// moved to another silo and lost its memory adopts the lease instead of cancelling the training.
/// </summary>
/// <param name="LeaseId">The lease.</param>
/// <param name="Task">The leased work item.</param>
/// <param name="Attempt">The lease's attempt number.</param>
/// <param name="Slot">The slot training it.</param>
[GenerateSerializer, Immutable]
[Alias("nas.LeaseBeat")]
public sealed record LeaseBeat(
    [property: Id(0)] Guid LeaseId,
    [property: Id(1)] TrialTask Task,
    [property: Id(2)] int Attempt,
    [property: Id(3)] SlotInfo Slot);
