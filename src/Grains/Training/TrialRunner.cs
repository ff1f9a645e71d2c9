using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;
using NasOrleans.Grains.Telemetry;
using NasOrleans.Grains.Training.Workers;

namespace NasOrleans.Grains.Training;

/// <summary>
/// Runs one leased trial on a slot: tells the study it started, trains with the study's trainer while heartbeating
/// the lease, and reports the result, heartbeating until the study recorded it (so a study that is moving does not
/// make the lease expire and the trial train twice). One per silo (DI singleton).
/// </summary>
public sealed partial class TrialRunner
{
    private readonly IGrainFactory _grains;
    private readonly StudyTrainers _trainers;
    private readonly TrialReporter _reporter;
    private readonly TimeProvider _time;
    private readonly ILogger<TrialRunner> _logger;
    private readonly SlotWorkers? _workers;
    private readonly Dictionary<string, ISlotWork> _works;

    /// <summary>Creates the runner; with <paramref name="workers"/>, each slot trains in its own worker process.</summary>
    public TrialRunner(IGrainFactory grains, StudyTrainers trainers, TrialReporter reporter, TimeProvider time, ILogger<TrialRunner> logger, IEnumerable<ISlotWork> works, SlotWorkers? workers = null)
    {
        _workers = workers;
        _works = works.ToDictionary(w => w.Kind, StringComparer.Ordinal);
        _grains = grains;
        _trainers = trainers;
        _reporter = reporter;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Trains <paramref name="lease"/> (granted by <paramref name="scheduler"/>, the study's shard) on <paramref name="slot"/>. Completes when the training ended, with a task that
    /// completes when the study recorded the result (the lease is beaten until then), so that a slot holding several
    /// leases trains the next one while the last result is on its way.
    /// </summary>
    public async Task<Task<SlotTrialOutcome>> TrainAsync(TrialLease lease, SlotInfo slot, ISchedulerGrain scheduler, TimeSpan heartbeatInterval, CancellationToken abort)
    {
        var task = lease.Task;
        using var activity = NasTelemetry.StartTrialActivity(NasTelemetry.TrialTrainActivity, task.StudyId, task.TrialId, task.TraceParent);
        var lost = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var limit = task.Kind == WorkKinds.Trial ? _trainers.TrialTimeout(task.SpecHash, lease.SpecJson) : null;
        using var overtime = limit is { } l ? new CancellationTokenSource(l, _time) : new CancellationTokenSource();
        using var training = CancellationTokenSource.CreateLinkedTokenSource(lost.Token, overtime.Token);
        var progress = new LeaseProgress(scheduler, _grains.GetGrain<IStudyGrain>(task.StudyId), new LeaseBeat(lease.LeaseId, task, lease.Attempt, slot), heartbeatInterval * 2, lost);
        var heartbeat = new LeaseHeartbeat(progress, heartbeatInterval, _time);
        LogTraining(_logger, slot.SlotId, task.StudyId, task.TrialId, lease.LeaseId, lease.Attempt);
        _reporter.Started(task.StudyId, new TrialStart(task.TrialId, lease.LeaseId, lease.Attempt, slot.SlotId));
        var started = Stopwatch.GetTimestamp();
        TrialOutcome outcome;
        try
        {
            if (task.Kind != WorkKinds.Trial)
            {
                outcome = _works.TryGetValue(task.Kind, out var work)
                    ? await work.RunAsync(lease, slot, progress, lost.Token)
                    : TrialOutcome.Failure($"this trainer silo runs no work of kind '{task.Kind}' (it runs: {string.Join(", ", _works.Keys.Prepend(WorkKinds.Trial))}); start trainer silos of this version");
            }
            else if (_workers is not null)
            {
                outcome = await _workers.TrainAsync(slot, lease, progress, training.Token);
            }
            else
            {
                var (space, trainer) = _trainers.Get(task.StudyId, task.SpecHash, lease.SpecJson);
                outcome = await trainer.TrainAsync(new TrainingRequest(task.StudyId, task.TrialId, space, Architecture.FromKey(task.ArchitectureKey), slot.Device, slot.Threads), progress, training.Token);
            }
        }
        catch (OperationCanceledException) when (overtime.IsCancellationRequested && !lost.IsCancellationRequested)
        {
            LogTimedOut(_logger, task.StudyId, task.TrialId, limit!.Value);
            outcome = TrialOutcome.Failure(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"trial_timeout: still training after {limit!.Value.TotalSeconds:0.###} s (budget.trial_timeout), stopped"));
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            var handBack = abort.IsCancellationRequested && !progress.LeaseLost;
            await EndAsync(heartbeat, lost);
            if (handBack)
            {
                await ReleaseAsync(scheduler, lease);
                return Task.FromResult(SlotTrialOutcome.HandedBack);
            }

            return Task.FromResult(SlotTrialOutcome.LeaseLost);
        }
        catch (Exception ex) when (TrainerFailures.FailsTheTrial(ex))
        {
            outcome = TrainerFailures.Of(ex);
        }

        activity?.SetTag(NasTelemetry.TrialStatusTag, outcome.Succeeded ? "Completed" : "Failed");
        if (progress.LeaseLost)
        {
            await EndAsync(heartbeat, lost);
            return Task.FromResult(SlotTrialOutcome.LeaseLost);
        }

        var completion = new TrialCompletion
        {
            LeaseId = lease.LeaseId,
            Task = task,
            Succeeded = outcome.Succeeded,
            Metrics = outcome.Metrics,
            Error = outcome.Error,
            Trainer = slot.SlotId,
            DurationSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds,
            Attempt = lease.Attempt,
        };
        return RecordAsync(scheduler, lease, completion, heartbeat, lost, abort);
    }

    private static async Task EndAsync(LeaseHeartbeat heartbeat, CancellationTokenSource lost)
    {
        await heartbeat.DisposeAsync();
        lost.Dispose();
    }

    private async Task<SlotTrialOutcome> RecordAsync(ISchedulerGrain scheduler, TrialLease lease, TrialCompletion completion, LeaseHeartbeat heartbeat, CancellationTokenSource lost, CancellationToken abort)
    {
        try
        {
            var recorded = await _reporter.CompleteAsync(completion, abort);
            return !recorded ? SlotTrialOutcome.NotRecorded : completion.Succeeded ? SlotTrialOutcome.Completed : SlotTrialOutcome.Failed;
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            await ReleaseAsync(scheduler, lease);
            return SlotTrialOutcome.HandedBack;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The reporter gave up (the study stayed unreachable): the lease expires and the trial trains again.
            LogNotReported(_logger, ex, lease.Task.StudyId, lease.Task.TrialId);
            return SlotTrialOutcome.NotRecorded;
        }
        finally
        {
            await EndAsync(heartbeat, lost);
        }
    }

    private async Task ReleaseAsync(ISchedulerGrain scheduler, TrialLease lease)
    {
        try
        {
            await scheduler.ReleaseAsync(lease.LeaseId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReleaseFailed(_logger, ex, lease.Task.StudyId, lease.Task.TrialId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trial {StudyId}/{TrialId} exceeded its trial_timeout of {Limit} and was stopped")]
    private static partial void LogTimedOut(ILogger logger, string studyId, long trialId, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slot {SlotId} trains {StudyId}/{TrialId} (lease {LeaseId}, attempt {Attempt})")]
    private static partial void LogTraining(ILogger logger, string slotId, string studyId, long trialId, Guid leaseId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of {StudyId}/{TrialId} could not be reported")]
    private static partial void LogNotReported(ILogger logger, Exception exception, string studyId, long trialId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing back the lease of {StudyId}/{TrialId} failed; it will expire")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string studyId, long trialId);
}
