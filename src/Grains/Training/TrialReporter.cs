using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Training;

/// <summary>
/// A trainer silo's reports to studies, batched: per study at most one <see cref="IStudyGrain.RecordAsync"/> call is
/// in flight, and everything the silo's slots report meanwhile goes in the next one, so a study records many results
/// per turn and per store transaction however many slots finish at once. A call that fails is retried with backoff
/// (the study's silo may be dying and the study moving) for up to <see cref="RetryFor"/>.
/// </summary>
public sealed partial class TrialReporter
{
    private readonly ConcurrentDictionary<string, Outbox> _outboxes = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _time;
    private readonly ILogger<TrialReporter> _logger;

    /// <summary>Creates the reporter.</summary>
    public TrialReporter(IGrainFactory grains, TimeProvider time, ILogger<TrialReporter> logger)
    {
        _grains = grains;
        _time = time;
        _logger = logger;
    }

    /// <summary>How long a report is retried before its completions fail.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Reports that a training started (not awaited: the training does not wait for it).</summary>
    public void Started(string studyId, TrialStart start)
    {
        var outbox = _outboxes.GetOrAdd(studyId, id => new Outbox(id));
        lock (outbox)
        {
            outbox.Starts.Add(start);
        }

        Kick(outbox);
    }

    /// <summary>Reports a finished training; completes with whether the study recorded it, once it is durable.</summary>
    public Task<bool> CompleteAsync(TrialCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var outbox = _outboxes.GetOrAdd(completion.Task.StudyId, id => new Outbox(id));
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (outbox)
        {
            outbox.Completions.Add((completion, done));
        }

        Kick(outbox);
        return done.Task.WaitAsync(cancellationToken);
    }

    private void Kick(Outbox outbox)
    {
        lock (outbox)
        {
            if (outbox.Sending)
            {
                return;
            }

            outbox.Sending = true;
        }

        _ = Task.Run(() => SendAllAsync(outbox));
    }

    private async Task SendAllAsync(Outbox outbox)
    {
        while (true)
        {
            List<TrialStart> starts;
            List<(TrialCompletion Completion, TaskCompletionSource<bool> Done)> completions;
            lock (outbox)
            {
                if (outbox.Starts.Count == 0 && outbox.Completions.Count == 0)
                {
                    outbox.Sending = false;
                    return;
                }

                starts = [.. outbox.Starts];
                completions = [.. outbox.Completions];
                outbox.Starts.Clear();
                outbox.Completions.Clear();
            }

            await SendAsync(outbox.StudyId, starts, completions).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(string studyId, List<TrialStart> starts, List<(TrialCompletion Completion, TaskCompletionSource<bool> Done)> completions)
    {
        var report = new TrialReport(starts, [.. completions.Select(c => c.Completion)]);
        var study = _grains.GetGrain<IStudyGrain>(studyId);
        var giveUpAt = _time.GetUtcNow() + RetryFor;
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var accepted = await study.RecordAsync(report).ConfigureAwait(false);
                for (var i = 0; i < completions.Count; i++)
                {
                    completions[i].Done.TrySetResult(i < accepted.Count && accepted[i]);
                }

                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (_time.GetUtcNow() >= giveUpAt)
                {
                    LogGaveUp(_logger, ex, studyId, completions.Count);
                    completions.ForEach(c => c.Done.TrySetException(ex));
                    return;
                }

                LogRetry(_logger, ex, studyId, completions.Count, attempt);
                await Task.Delay(delay, _time).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting {Count} results to study {StudyId} failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, string studyId, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up reporting {Count} results to study {StudyId}; their trials will be trained again")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string studyId, int count);

    private sealed class Outbox(string studyId)
    {
        public string StudyId { get; } = studyId;

        public List<TrialStart> Starts { get; } = [];

        public List<(TrialCompletion Completion, TaskCompletionSource<bool> Done)> Completions { get; } = [];

        public bool Sending { get; set; }
    }
}
