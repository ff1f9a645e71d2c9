using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Training;

/// <summary>
/// Runs leased work of one kind other than a plain trial (<see cref="WorkKinds"/>) on a trainer slot: registered in
/// the silo's services, found by <see cref="Kind"/>. The slot beats the lease while it runs and records the outcome as
/// it records a trial's, so a job needs nothing from the scheduler that a trial does not.
/// </summary>
public interface ISlotWork
{
    /// <summary>The kind it runs.</summary>
    string Kind { get; }

    /// <summary>Runs <paramref name="lease"/>'s work on <paramref name="slot"/>; reports progress through <paramref name="progress"/> (the lease's heartbeat).</summary>
    Task<TrialOutcome> RunAsync(TrialLease lease, SlotInfo slot, ITrainingProgress progress, CancellationToken cancellationToken);
}
