using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Telemetry;
using Orleans.Runtime;

namespace NasOrleans.Grains.Scheduling;

/// <summary>
/// A shard of the cluster's trial queue with leases. It calls no other grain (so it needs no reentrancy), and its
/// book is soft state: studies re-offer their trials, trainers' heartbeats carry their leases, and a new activation
/// adopts those (see <see cref="LeaseBook"/>). A sweep re-queues leases that stopped beating, and at once those of
/// slots on silos the cluster membership declared dead.
/// </summary>
public sealed partial class SchedulerGrain : Grain, ISchedulerGrain
{
    private readonly LeaseBook _book;
    private readonly SchedulerOptions _options;
    private readonly IClusterMembershipService _membership;
    private readonly ILogger<SchedulerGrain> _logger;

    /// <summary>Creates the grain.</summary>
    public SchedulerGrain(IOptions<SchedulerOptions> options, IClusterMembershipService membership, TimeProvider time, ILogger<SchedulerGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _membership = membership;
        _book = new LeaseBook(time, _options.LeaseTimeout, _options.RecoveryWindow);
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(_options.SweepInterval, _options.SweepInterval) { Interleave = true });
        LogActivated(_logger, this.GetPrimaryKeyLong(), _options.RecoveryWindow);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        QueueGauges.Withdraw(this.GetPrimaryKeyLong());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OfferAsync(StudyWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        _book.Offer(work);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialLease>> AcquireAsync(SlotInfo slot, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var leases = _book.Acquire(slot, Math.Max(1, max));
        if (leases.Count > 0)
        {
            NasTelemetry.TrialsStarted.Add(leases.Count);
        }

        return Task.FromResult<IReadOnlyList<TrialLease>>(leases);
    }

    /// <inheritdoc />
    public Task<HeartbeatReply> BeatAsync(LeaseBeat beat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(beat);
        var alive = _book.Beat(beat, out var adopted);
        if (adopted)
        {
            LogAdopted(_logger, beat.Task.StudyId, beat.Task.TrialId, beat.Attempt, beat.Slot.SlotId);
        }

        return Task.FromResult(alive ? HeartbeatReply.Continue : HeartbeatReply.LeaseLost);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ExternalLease>> AcquireForStudyAsync(string studyId, SlotInfo slot, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(studyId);
        var leases = _book.AcquireForStudy(studyId, slot, Math.Max(1, max));
        var granted = leases.Count(l => !l.Redelivered);
        if (granted > 0)
        {
            NasTelemetry.TrialsStarted.Add(granted);
        }

        return Task.FromResult<IReadOnlyList<ExternalLease>>(leases);
    }

    /// <inheritdoc />
    public Task<ExternalLease?> RenewLeaseAsync(string studyId, long trialId, Guid leaseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_book.Renew(studyId, trialId, leaseId));

    /// <inheritdoc />
    public Task CloseAsync(string studyId, IReadOnlyList<long> trialIds, CancellationToken cancellationToken = default)
    {
        _book.Close(studyId, trialIds);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(Guid leaseId, CancellationToken cancellationToken = default)
    {
        _book.Release(leaseId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DropStudyAsync(string studyId, CancellationToken cancellationToken = default)
    {
        _book.DropStudy(studyId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<QueueCounts> GetCountsAsync(string studyId, CancellationToken cancellationToken = default) => Task.FromResult(_book.Counts(studyId));

    /// <inheritdoc />
    public Task<IReadOnlyList<SlotView>> GetSlotsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<SlotView>>(_book.Slots());

    private Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var lease in _book.ExpireLeases())
        {
            NasTelemetry.LeaseExpiries.Add(1, new KeyValuePair<string, object?>(NasTelemetry.LeaseExpiryReasonTag, "timeout"));
            LogLeaseExpired(_logger, lease.Task.StudyId, lease.Task.TrialId, lease.Attempt);
        }

        var unclaimed = _book.TakeUnclaimed();
        if (unclaimed > 0)
        {
            NasTelemetry.LeaseExpiries.Add(unclaimed, new KeyValuePair<string, object?>(NasTelemetry.LeaseExpiryReasonTag, "unclaimed"));
            LogUnclaimed(_logger, this.GetPrimaryKeyLong(), unclaimed);
        }

        var dead = _membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Dead)
            .Select(m => m.SiloAddress.ToParsableString())
            .ToHashSet(StringComparer.Ordinal);
        if (dead.Count > 0)
        {
            foreach (var lease in _book.ExpireSilos(dead))
            {
                NasTelemetry.LeaseExpiries.Add(1, new KeyValuePair<string, object?>(NasTelemetry.LeaseExpiryReasonTag, "silo_dead"));
                LogSiloDied(_logger, lease.Task.StudyId, lease.Task.TrialId, lease.Attempt);
            }
        }

        // The gauge is read every sweep, not per call: summing the queues costs one pass over the shard's studies.
        NasTelemetry.SetQueueDepth(this.GetPrimaryKeyLong(), _book.QueueDepth);
        QueueGauges.Publish(this.GetPrimaryKeyLong(), _book.AllCounts());
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler shard {Shard} activated; trials re-offered in the next {Window} wait for their trainers' heartbeats")]
    private static partial void LogActivated(ILogger logger, long shard, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted the lease of trial {StudyId}/{TrialId} (attempt {Attempt}) from slot {SlotId}'s heartbeat")]
    private static partial void LogAdopted(ILogger logger, string studyId, long trialId, int attempt, string slotId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease of trial {StudyId}/{TrialId} (attempt {Attempt}) expired; the trial is queued again")]
    private static partial void LogLeaseExpired(ILogger logger, string studyId, long trialId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduler shard {Shard}: {Count} started trials that a study re-offered were claimed by no trainer's heartbeat; they are queued again")]
    private static partial void LogUnclaimed(ILogger logger, long shard, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The silo training trial {StudyId}/{TrialId} (attempt {Attempt}) died; the trial is queued again")]
    private static partial void LogSiloDied(ILogger logger, string studyId, long trialId, int attempt);
}
