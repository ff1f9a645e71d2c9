using Microsoft.Extensions.Logging;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;

namespace NasOrleans.Grains.Training;

/// <summary>
/// One training slot: a loop on its own task that pulls leases from the scheduler shards in turn and runs them. It is
/// owned by the silo's lifecycle (the slot host), not by a grain activation, so Orleans can never move or drop it
/// while it trains; it registers itself in the <see cref="SlotLoopRegistry"/> while it runs.
/// </summary>
public sealed partial class TrainerSlot
{
    private readonly IGrainFactory _grains;
    private readonly TrialRunner _runner;
    private readonly SlotLoopRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopPulling = new();
    private readonly CancellationTokenSource _abortTraining = new();
    private Task? _loop;
    private long _completed;
    private long _failed;
    private string? _current;
    private readonly SchedulerShardCount _shards;
    private readonly SlotWakeup _wakeup;
    private int _nextShard = -1;

    /// <summary>Creates a slot (not started).</summary>
    public TrainerSlot(SlotInfo info, TrainerSlotSettings settings, IGrainFactory grains, SchedulerShardCount shards, SlotWakeup wakeup, TrialRunner runner, SlotLoopRegistry registry, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
        Settings = settings;
        _grains = grains;
        _runner = runner;
        _registry = registry;
        _time = time;
        _logger = logger;
        _shards = shards;
        _wakeup = wakeup;
    }

    /// <summary>The slot's id, silo and device.</summary>
    public SlotInfo Info { get; }

    /// <summary>How it pulls.</summary>
    public TrainerSlotSettings Settings { get; }

    /// <summary>Whether its loop runs.</summary>
    public bool IsRunning => _loop is { IsCompleted: false };

    /// <summary>Trials it trained that were recorded as completed.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Trials it trained that were recorded as failed.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The trial it trains now (<c>study/trial</c>), or null.</summary>
    public string? Current => Volatile.Read(ref _current);

    /// <summary>Starts the loop (once).</summary>
    public void Start()
    {
        if (_loop is not null)
        {
            return;
        }

        _registry.Add(this);
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>Stops pulling; the running trial finishes if it can within <paramref name="grace"/>, else its lease is handed back at once.</summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (_loop is null)
        {
            return true;
        }

        await _stopPulling.CancelAsync();
        var finished = await Task.WhenAny(_loop, Task.Delay(grace, _time)) == _loop;
        if (!finished)
        {
            await _abortTraining.CancelAsync();
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return finished;
    }

    private async Task RunAsync()
    {
        try
        {
            var idle = Settings.MinPollInterval;
            while (!_stopPulling.IsCancellationRequested)
            {
                try
                {
                    idle = await PullOnceAsync(idle);
                }
                catch (Exception ex) when (!_stopPulling.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    // Nothing may end the loop but a stop: a failed call (a timeout under load, a silo going away) costs a pause.
                    LogPullFailed(_logger, ex, Info.SlotId);
                    await Task.Delay(Settings.MaxPollInterval, _time, _stopPulling.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
        finally
        {
            _registry.Remove(this);
        }
    }

    private async Task<TimeSpan> PullOnceAsync(TimeSpan idle)
    {
        var stop = _stopPulling.Token;
        IReadOnlyList<TrialLease> leases = [];
        var shards = await _shards.GetAsync();
        if (_nextShard < 0)
        {
            // Slots start at different shards, so that a thousand of them do not all ask shard 0 first.
            _nextShard = (int)((uint)Info.SlotId.GetHashCode(StringComparison.Ordinal) % (uint)shards);
        }

        ISchedulerGrain scheduler = null!;
        for (var tried = 0; tried < shards && leases.Count == 0 && !stop.IsCancellationRequested; tried++)
        {
            scheduler = _grains.GetGrain<ISchedulerGrain>(_nextShard % shards);
            _nextShard = (_nextShard + 1) % shards;
            leases = await scheduler.AcquireAsync(Info, Settings.LeasesPerPull, CancellationToken.None);
        }

        if (leases.Count == 0)
        {
            await _wakeup.WaitAsync(idle, _time, stop);
            return TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, Settings.MaxPollInterval.Ticks));
        }

        // Work appeared: the silo's idle slots pull now rather than at the end of their backoff.
        _wakeup.Pulse();

        var recording = new List<Task<SlotTrialOutcome>>(leases.Count);
        for (var i = 0; i < leases.Count; i++)
        {
            if (stop.IsCancellationRequested)
            {
                // Draining: hand back what was not started so another slot takes it at once.
                await Task.WhenAll(leases.Skip(i).Select(l => scheduler.ReleaseAsync(l.LeaseId)));
                break;
            }

            Volatile.Write(ref _current, $"{leases[i].Task.StudyId}/{leases[i].Task.TrialId}");
            recording.Add(await _runner.TrainAsync(leases[i], Info, scheduler, Settings.HeartbeatInterval, _abortTraining.Token));
            Volatile.Write(ref _current, null);
        }

        // Results go out while the next lease trains; the slot pulls again only once they are recorded.
        foreach (var outcome in await Task.WhenAll(recording))
        {
            if (outcome == SlotTrialOutcome.Completed)
            {
                Interlocked.Increment(ref _completed);
            }
            else if (outcome == SlotTrialOutcome.Failed)
            {
                Interlocked.Increment(ref _failed);
            }
        }

        return Settings.MinPollInterval;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer slot {SlotId} failed to pull work; retrying")]
    private static partial void LogPullFailed(ILogger logger, Exception exception, string slotId);
}
