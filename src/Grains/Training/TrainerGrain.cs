using Microsoft.Extensions.Logging;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using Orleans.Placement;
using Orleans.Runtime;

namespace NasOrleans.Grains.Training;

/// <summary>
/// A training slot. Its loop runs on its own task (never inside a grain turn) and talks to the
/// scheduler with short calls: pull leases, heartbeat while training, complete.
/// </summary>
[KeepAlive]
[PreferLocalPlacement]
public sealed partial class TrainerGrain : Grain, ITrainerGrain
{
    private readonly IGrainFactory _grains;
    private readonly TrialRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger<TrainerGrain> _logger;
    private readonly string _silo;
    private CancellationTokenSource? _stopPulling;
    private CancellationTokenSource? _abortTraining;
    private Task? _loop;
    private long _completed;
    private long _failed;
    private string? _current;

    /// <summary>Creates the grain.</summary>
    public TrainerGrain(IGrainFactory grains, TrainerCatalog trainers, TrainerEnvironment environment, ILocalSiloDetails silo, ILogger<TrainerGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(silo);
        _grains = grains;
        _time = environment.Time;
        _logger = logger;
        _silo = silo.SiloAddress.ToString();
        _runner = new TrialRunner(grains, trainers, environment, logger);
    }

    private string SlotId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task StartAsync(TrainerSlotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_loop is { IsCompleted: false })
        {
            return Task.CompletedTask;
        }

        _stopPulling = new CancellationTokenSource();
        _abortTraining = new CancellationTokenSource();
        var stop = _stopPulling.Token;
        var abort = _abortTraining.Token;
        _loop = Task.Run(() => RunAsync(settings, stop, abort), CancellationToken.None);
        LogStarted(_logger, SlotId, _silo);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(TimeSpan grace)
    {
        if (_loop is null)
        {
            return;
        }

        await _stopPulling!.CancelAsync();
        var finished = await Task.WhenAny(_loop, Task.Delay(grace, _time)) == _loop;
        if (!finished)
        {
            await _abortTraining!.CancelAsync();
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        LogStopped(_logger, SlotId, finished);
    }

    /// <inheritdoc />
    public Task<TrainerSlotStatus> GetStatusAsync() =>
        Task.FromResult(new TrainerSlotStatus(SlotId, _loop is { IsCompleted: false }, Interlocked.Read(ref _completed), Interlocked.Read(ref _failed), Volatile.Read(ref _current), _silo));

    private async Task RunAsync(TrainerSlotSettings settings, CancellationToken stop, CancellationToken abort)
    {
        var idle = settings.MinPollInterval;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                idle = await PullOnceAsync(settings, idle, stop, abort);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // Nothing may end the slot's loop but a stop: a failed call (a timeout under load, a silo going away)
                // only costs a pause. Leases it held expire and their trials are queued again.
                LogPullFailed(_logger, ex, SlotId);
                await Task.Delay(settings.MaxPollInterval, _time, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            }
        }
    }

    private async Task<TimeSpan> PullOnceAsync(TrainerSlotSettings settings, TimeSpan idle, CancellationToken stop, CancellationToken abort)
    {
        var scheduler = _grains.GetGrain<ISchedulerGrain>(0);
        var trainerName = $"{_silo}/{SlotId}";
        var leases = await scheduler.AcquireAsync(trainerName, settings.LeasesPerPull);
        if (leases.Count == 0)
        {
            await Task.Delay(idle, _time, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            return TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, settings.MaxPollInterval.Ticks));
        }

        var done = new List<TrialCompletion>();
        for (var i = 0; i < leases.Count; i++)
        {
            if (stop.IsCancellationRequested)
            {
                // Draining: hand back what was not started so another slot takes it at once.
                await Task.WhenAll(leases.Skip(i).Select(l => scheduler.ReleaseAsync(l.LeaseId)));
                break;
            }

            Volatile.Write(ref _current, $"{leases[i].Task.StudyId}/{leases[i].Task.TrialId}");
            var completion = await _runner.RunAsync(leases[i], trainerName, settings.HeartbeatInterval, abort);
            Volatile.Write(ref _current, null);
            if (completion is null)
            {
                continue;
            }

            Interlocked.Increment(ref completion.Succeeded ? ref _completed : ref _failed);
            done.Add(completion);
            if (completion.DurationSeconds > 0.05)
            {
                await _runner.CompleteAsync(done, abort);
                done.Clear();
            }
        }

        await _runner.CompleteAsync(done, abort);
        return settings.MinPollInterval;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trainer slot {SlotId} started on {Silo}")]
    private static partial void LogStarted(ILogger logger, string slotId, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trainer slot {SlotId} stopped (drained: {Drained})")]
    private static partial void LogStopped(ILogger logger, string slotId, bool drained);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer slot {SlotId} failed to pull or complete work; retrying")]
    private static partial void LogPullFailed(ILogger logger, Exception exception, string slotId);
}
