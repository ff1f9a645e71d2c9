using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// The trial queue with leases (one per cluster, key 0). Trainers pull leases, heartbeat and complete;
/// a lease that stops beating is re-queued under a new lease; a completion is accepted only from the
/// trial's current lease and only once. Studies share trainers round-robin.
/// </summary>
[Alias("nas.ISchedulerGrain")]
public interface ISchedulerGrain : IGrainWithIntegerKey
{
    /// <summary>Queues trials (ones already queued or leased are ignored).</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(IReadOnlyList<TrialTask> tasks);

    /// <summary>Leases up to <paramref name="max"/> trials to trainer <paramref name="trainerId"/>.</summary>
    [Alias("Acquire")]
    Task<IReadOnlyList<TrialLease>> AcquireAsync(string trainerId, int max);

    /// <summary>Extends a lease; the answer says go on, stop early, or abandon.</summary>
    [Alias("Heartbeat")]
    Task<HeartbeatReply> HeartbeatAsync(Guid leaseId, int step, IReadOnlyDictionary<string, double> metrics);

    /// <summary>Completes leased trials; the answer says, per completion, whether it was accepted.</summary>
    [Alias("Complete")]
    Task<IReadOnlyList<bool>> CompleteAsync(IReadOnlyList<TrialCompletion> completions);

    /// <summary>Hands a lease back at once (a draining trainer), re-queuing its trial.</summary>
    [Alias("Release")]
    Task ReleaseAsync(Guid leaseId);

    /// <summary>Drops a study's queued trials and leases (cancel, delete, failure).</summary>
    [Alias("DropStudy")]
    Task DropStudyAsync(string studyId);

    /// <summary>A study's queued and leased counts.</summary>
    [Alias("GetCounts")]
    Task<QueueCounts> GetCountsAsync(string studyId);
}
