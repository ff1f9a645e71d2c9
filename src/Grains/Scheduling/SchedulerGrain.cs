using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Telemetry;
using Orleans.Concurrency;

namespace NasOrleans.Grains.Scheduling;

/// <summary>
/// The cluster's trial queue with leases. Its bookkeeping is soft state: studies re-send their
/// outstanding trials periodically, so a scheduler that moved to another silo rebuilds its queue.
/// Reentrant because it awaits studies that call it back; every method mutates the book before awaiting.
/// </summary>
[Reentrant]
public sealed partial class SchedulerGrain : Grain, ISchedulerGrain
{
    private readonly LeaseBook _book;
    private readonly SchedulerOptions _options;
    private readonly ILogger<SchedulerGrain> _logger;

    /// <summary>Creates the grain.</summary>
    public SchedulerGrain(IOptions<SchedulerOptions> options, TimeProvider time, ILogger<SchedulerGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _book = new LeaseBook(time, _options.LeaseTimeout);
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(_options.SweepInterval, _options.SweepInterval) { Interleave = true });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task EnqueueAsync(IReadOnlyList<TrialTask> tasks)
    {
        _book.Enqueue(tasks);
        NasTelemetry.SetQueueDepth(_book.QueueDepth);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialLease>> AcquireAsync(string trainerId, int max)
    {
        var leases = _book.Acquire(trainerId, Math.Max(1, max));
        if (leases.Count > 0)
        {
            NasTelemetry.TrialsStarted.Add(leases.Count);
            NasTelemetry.SetQueueDepth(_book.QueueDepth);
        }

        return Task.FromResult<IReadOnlyList<TrialLease>>(leases);
    }

    /// <inheritdoc />
    public async Task<HeartbeatReply> HeartbeatAsync(Guid leaseId, int step, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (!_book.Heartbeat(leaseId))
        {
            return HeartbeatReply.LeaseLost;
        }

        if (metrics.Count == 0 || _book.Find(leaseId) is not { } lease)
        {
            return HeartbeatReply.Continue;
        }

        var stop = await GrainFactory.GetGrain<IStudyGrain>(lease.Task.StudyId).ReportProgressAsync(lease.Task.TrialId, step, metrics);
        return stop ? HeartbeatReply.Stop : HeartbeatReply.Continue;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<bool>> CompleteAsync(IReadOnlyList<TrialCompletion> completions)
    {
        ArgumentNullException.ThrowIfNull(completions);
        var accepted = completions.Select(c => _book.Complete(c.LeaseId)).ToList();
        var forward = completions.Where((_, i) => accepted[i]).GroupBy(c => c.Task.StudyId, StringComparer.Ordinal);
        await Task.WhenAll(forward.Select(ForwardAsync));
        return accepted;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(Guid leaseId)
    {
        _book.Release(leaseId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DropStudyAsync(string studyId)
    {
        _book.DropStudy(studyId);
        NasTelemetry.SetQueueDepth(_book.QueueDepth);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<QueueCounts> GetCountsAsync(string studyId) => Task.FromResult(_book.Counts(studyId));

    private async Task ForwardAsync(IGrouping<string, TrialCompletion> group)
    {
        var batch = group.ToList();
        try
        {
            await GrainFactory.GetGrain<IStudyGrain>(group.Key).ReportAsync(batch);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The study did not record these results: let its next resync queue them again.
            batch.ForEach(c => _book.Forget(c.Task));
            LogForwardFailed(_logger, ex, group.Key, batch.Count);
        }
    }

    private Task SweepAsync(CancellationToken cancellationToken)
    {
        var expired = _book.ExpireLeases();
        foreach (var lease in expired)
        {
            LogLeaseExpired(_logger, lease.Task.StudyId, lease.Task.TrialId, lease.Attempt);
        }

        NasTelemetry.SetQueueDepth(_book.QueueDepth);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease of trial {StudyId}/{TrialId} (attempt {Attempt}) expired; the trial is queued again")]
    private static partial void LogLeaseExpired(ILogger logger, string studyId, long trialId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand {Count} results to study {StudyId}; they will be trained again after its resync")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string studyId, int count);
}
