using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Telemetry;

namespace NasOrleans.Grains.Training;

/// <summary>Runs one leased trial with the study's trainer, heartbeating while it trains, and completes trials with retries.</summary>
internal sealed partial class TrialRunner
{
    private static readonly ConcurrentDictionary<string, StudyTrainer> s_trainers = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly TrainerCatalog _catalog;
    private readonly TrainerEnvironment _environment;
    private readonly ILogger _logger;

    public TrialRunner(IGrainFactory grains, TrainerCatalog catalog, TrainerEnvironment environment, ILogger logger)
    {
        _grains = grains;
        _catalog = catalog;
        _environment = environment;
        _logger = logger;
    }

    private ISchedulerGrain Scheduler => _grains.GetGrain<ISchedulerGrain>(0);

    /// <summary>Trains the lease's trial; null when the lease was lost (the trial runs elsewhere) or the study is gone.</summary>
    public async Task<TrialCompletion?> RunAsync(TrialLease lease, string trainerName, TimeSpan heartbeatInterval, CancellationToken abort)
    {
        var task = lease.Task;
        using var activity = NasTelemetry.StartTrialActivity(NasTelemetry.TrialTrainActivity, task.StudyId, task.TrialId, task.TraceParent);
        StudyTrainer trainer;
        try
        {
            trainer = await GetTrainerAsync(task.StudyId, task.SpecHash);
        }
        catch (Exception ex) when (ex is InvalidOperationException or SpecValidationException or ArgumentException)
        {
            return Completion(lease, trainerName, TrialOutcome.Failure($"the trainer could not be created: {ex.Message}"), 0);
        }

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var progress = new LeaseProgress(Scheduler, lease.LeaseId, lost);
        using var heartbeat = new LeaseHeartbeat(progress, heartbeatInterval, _environment.Time);
        var started = Stopwatch.GetTimestamp();
        TrialOutcome outcome;
        try
        {
            var request = new TrainingRequest(task.StudyId, task.TrialId, trainer.Space, Architecture.FromKey(task.ArchitectureKey));
            outcome = await trainer.Trainer.TrainAsync(request, progress, lost.Token);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            if (abort.IsCancellationRequested && !progress.LeaseLost)
            {
                await Scheduler.ReleaseAsync(lease.LeaseId);
            }

            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome = TrialOutcome.Failure($"{ex.GetType().Name}: {ex.Message}");
        }

        activity?.SetTag(NasTelemetry.TrialStatusTag, outcome.Succeeded ? "Completed" : "Failed");
        return progress.LeaseLost ? null : Completion(lease, trainerName, outcome, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Completes trials, retrying with backoff while the scheduler is unreachable; the list is left unchanged.</summary>
    public async Task CompleteAsync(IReadOnlyList<TrialCompletion> completions, CancellationToken abort)
    {
        if (completions.Count == 0)
        {
            return;
        }

        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Scheduler.CompleteAsync(completions);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < 8 && !abort.IsCancellationRequested)
            {
                LogCompleteRetry(_logger, ex, completions.Count, attempt);
                await Task.Delay(delay, _environment.Time, abort).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay *= 2;
            }
        }
    }

    private static TrialCompletion Completion(TrialLease lease, string trainerName, TrialOutcome outcome, double seconds) => new()
    {
        LeaseId = lease.LeaseId,
        Task = lease.Task,
        Succeeded = outcome.Succeeded,
        Metrics = outcome.Metrics,
        Error = outcome.Error,
        Trainer = trainerName,
        DurationSeconds = seconds,
        Attempt = lease.Attempt,
    };

    private async Task<StudyTrainer> GetTrainerAsync(string studyId, string specHash)
    {
        var key = $"{studyId}#{specHash}";
        if (s_trainers.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var json = await _grains.GetGrain<IStudyGrain>(studyId).GetSpecAsync()
            ?? throw new InvalidOperationException($"study '{studyId}' does not exist");
        var spec = StudySpecParser.ParseJson(json, _catalog);
        var space = SpaceCatalog.Create(spec.Space);
        var trainer = new StudyTrainer(space, _catalog.Create(spec.Trainer, space, _environment));
        return s_trainers.GetOrAdd(key, trainer);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing {Count} trials failed (attempt {Attempt}); retrying")]
    private static partial void LogCompleteRetry(ILogger logger, Exception exception, int count, int attempt);

    private sealed record StudyTrainer(SearchSpace Space, ITrainer Trainer);
}
