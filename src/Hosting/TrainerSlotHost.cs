using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;
using NasOrleans.Grains.Telemetry;
using NasOrleans.Grains.Training;
using NasOrleans.Grains.Training.Workers;
using Orleans.Runtime;

namespace NasOrleans.Hosting;

/// <summary>
/// Owns this silo's trainer slots: starts one loop per slot (one per device) once the silo is active, audits every
/// second that the loops running in the process are exactly the ones it owns (an orphan is logged and counted, and
/// drained all the same), writes the slots' status file when configured, and drains every loop when the silo stops
/// (SIGTERM): a trial that cannot finish within the drain grace has its lease handed back at once.
/// </summary>
public sealed partial class TrainerSlotHost : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly List<TrainerSlot> _owned = [];
    private readonly HashSet<TrainerSlot> _reportedOrphans = [];
    private readonly IGrainFactory _grains;
    private readonly TrialRunner _runner;
    private readonly SlotLoopRegistry _registry;
    private readonly ILocalSiloDetails _silo;
    private readonly NasSiloOptions _options;
    private readonly SchedulerShardCount _shards;
    private readonly SlotWakeup _wakeup = new();
    private readonly TimeProvider _time;
    private readonly ILogger<TrainerSlotHost> _logger;
    private readonly SlotWorkers? _workers;
    private ITimer? _audit;
    private IDisposable? _gauges;

    /// <summary>Creates the host.</summary>
    public TrainerSlotHost(IGrainFactory grains, TrialRunner runner, SlotLoopRegistry registry, ILocalSiloDetails silo, NasSiloOptions options, SchedulerShardCount shards, TimeProvider time, ILogger<TrainerSlotHost> logger, SlotWorkers? workers = null)
    {
        _workers = workers;
        _grains = grains;
        _runner = runner;
        _registry = registry;
        _silo = silo;
        _options = options;
        _shards = shards;
        _time = time;
        _logger = logger;
    }

    /// <summary>The slots this host owns.</summary>
    public IReadOnlyList<TrainerSlot> Owned => _owned;

    /// <summary>Slot loops running in this process that this host does not own, found so far.</summary>
    public int OrphansDetected { get; private set; }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TrainerSlotHost), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <inheritdoc />
    public void Dispose()
    {
        _audit?.Dispose();
        _gauges?.Dispose();
    }

    /// <summary>Loops running that this host does not own, reported once each; returns how many run now.</summary>
    public int Audit()
    {
        var orphans = _registry.Running.Except(_owned).ToList();
        foreach (var orphan in orphans.Where(_reportedOrphans.Add))
        {
            OrphansDetected++;
            LogOrphan(_logger, orphan.Info.SlotId, _owned.Count(s => s.IsRunning), _registry.Running.Count);
        }

        WriteStatus(orphans.Count);
        return orphans.Count;
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = new TrainerSlotSettings(_options.LeasesPerPull, _options.MinPollInterval, _options.MaxPollInterval, _options.HeartbeatInterval);
        var devices = SlotDevices.WithThreads(SlotDevices.Resolve(_options.Devices, _options.TrainerSlots, Environment.ProcessorCount), _options.SlotThreads);
        var silo = _silo.SiloAddress.ToString();
        for (var i = 0; i < devices.Count; i++)
        {
            var slot = NewSlot($"{silo}/slot{i}", devices[i], settings);
            _owned.Add(slot);
            slot.Start();
        }

        for (var i = 0; i < _options.DetachedSlotsForTesting; i++)
        {
            // A loop started outside the host on purpose, so that a test can see the audit find it.
            NewSlot($"{silo}/detached{i}", new SlotDevice("cpu", 1), settings).Start();
        }

        LogSlots(_logger, devices.Count, string.Join(", ", devices.Select(d => $"{d.Device} ({d.Threads} threads)")), _options.SlotIsolation);
        WriteStatus(0);
        _gauges = SlotGauges.Track(() => _owned.Select(s => (s.Info.Device, s.Current is not null)));
        _audit = _time.CreateTimer(_ => Audit(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        var loops = _registry.Running.Union(_owned).ToList();
        var drained = await Task.WhenAll(loops.Select(s => s.StopAsync(_options.DrainGrace)));
        LogDrained(_logger, loops.Count, drained.Count(d => !d));
        _audit?.Dispose();
        _gauges?.Dispose();
        WriteStatus(0);
    }

    private TrainerSlot NewSlot(string id, SlotDevice device, TrainerSlotSettings settings) =>
        new(new SlotInfo(id, _silo.SiloAddress.ToParsableString(), device.Device, device.Threads), settings, _grains, _shards, _wakeup, _runner, _registry, _time, _logger);

    private void WriteStatus(int orphans)
    {
        if (_options.SlotStatusFile is not { } path)
        {
            return;
        }

        var status = new
        {
            silo = _silo.SiloAddress.ToParsableString(),
            updated = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            owned = _owned.Count,
            running_loops = _registry.Running.Count,
            orphans,
            orphans_detected = OrphansDetected,
            isolation = _options.SlotIsolation.ToString(),
            slots = _owned.Select(s => new { id = s.Info.SlotId, device = s.Info.Device, threads = s.Info.Threads, worker_pid = _workers?.ProcessIdOf(s.Info.SlotId) ?? 0, running = s.IsRunning, current = s.Current, completed = s.Completed, failed = s.Failed }),
        };
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(status));
        File.Move(temporary, path, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Count} trainer slots on {Devices}, isolation {Isolation}")]
    private static partial void LogSlots(ILogger logger, int count, string devices, SlotIsolation isolation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drained {Count} trainer slot loops ({HandedBack} handed their lease back)")]
    private static partial void LogDrained(ILogger logger, int count, int handedBack);

    [LoggerMessage(Level = LogLevel.Error, Message = "Orphan trainer slot loop {SlotId}: it runs but this silo's slot host does not own it ({Owned} owned loops running, {Running} loops running)")]
    private static partial void LogOrphan(ILogger logger, string slotId, int owned, int running);
}
