using NasOrleans.Grains.Interfaces.Messages;
using Orleans.Concurrency;

namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// One shard of the trial queue with leases (key: shard number; a study belongs to one shard, see
/// <see cref="SchedulerShards"/>). Trainers pull leases and heartbeat; studies offer trials and close the ones they
/// recorded. It calls no grain, so nothing that calls it can be called back. Its book is soft state rebuilt after a
/// move: studies re-offer their trials, and trainers' heartbeats carry their leases, which a new activation adopts,
/// so losing the silo that hosted it costs no training in flight.
/// </summary>
[Alias("nas.ISchedulerGrain")]
public interface ISchedulerGrain : IGrainWithIntegerKey
{
    /// <summary>A study offers trials (ones already queued or leased are ignored); see <see cref="StudyWork.Resync"/>.</summary>
    [Alias("Offer")]
    Task OfferAsync(StudyWork work, CancellationToken cancellationToken = default);

    /// <summary>Leases up to <paramref name="max"/> trials to <paramref name="slot"/>.</summary>
    [Alias("AcquireForSlot")]
    Task<IReadOnlyList<TrialLease>> AcquireAsync(SlotInfo slot, int max, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease, adopting it when this activation has not seen it; the answer says go on or abandon.</summary>
    [Alias("Beat")]
    Task<HeartbeatReply> BeatAsync(LeaseBeat beat, CancellationToken cancellationToken = default);

    /// <summary>A study recorded these trials: their leases and queue entries go.</summary>
    [Alias("Close")]
    Task CloseAsync(string studyId, IReadOnlyList<long> trialIds, CancellationToken cancellationToken = default);

    /// <summary>Hands a lease back at once (a draining trainer), re-queuing its trial at the front.</summary>
    [Alias("Release")]
    Task ReleaseAsync(Guid leaseId, CancellationToken cancellationToken = default);

    /// <summary>Drops a study's queued trials and leases (cancel, delete, failure).</summary>
    [Alias("DropStudy")]
    Task DropStudyAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>A study's queued and leased counts.</summary>
    /// <summary>
    /// Leases up to <paramref name="max"/> trials of one study whose trials are for ask/tell workers (outside the slots'
    /// rotation) to <paramref name="slot"/>: the slot's unfinished leases of the study first (renewed), then queued trials.
    /// </summary>
    [Alias("AcquireForStudy")]
    Task<IReadOnlyList<ExternalLease>> AcquireForStudyAsync(string studyId, SlotInfo slot, int max, CancellationToken cancellationToken = default);

    /// <summary>Renews the lease when it is the current lease of the trial; null otherwise (expired, re-queued, recorded or dropped).</summary>
    [Alias("RenewLease")]
    Task<ExternalLease?> RenewLeaseAsync(string studyId, long trialId, Guid leaseId, CancellationToken cancellationToken = default);

    [Alias("GetCounts")]
    [ReadOnly]
    Task<QueueCounts> GetCountsAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>The slots heard from within the lease timeout, with the trials they hold.</summary>
    [Alias("GetSlots")]
    [ReadOnly]
    Task<IReadOnlyList<SlotView>> GetSlotsAsync(CancellationToken cancellationToken = default);
}
