using Microsoft.Extensions.Logging;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using Orleans.Runtime;

namespace NasOrleans.Hosting;

/// <summary>Starts this silo's trainer slots once the silo is active and drains them when it stops.</summary>
internal sealed partial class TrainerSlotStarter(IGrainFactory grains, ILocalSiloDetails silo, NasSiloOptions options, ILogger<TrainerSlotStarter> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly List<ITrainerGrain> _slots = [];

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TrainerSlotStarter), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = new TrainerSlotSettings(options.LeasesPerPull, options.MinPollInterval, options.MaxPollInterval, options.HeartbeatInterval);
        for (var i = 0; i < options.TrainerSlots; i++)
        {
            var slot = grains.GetGrain<ITrainerGrain>($"{silo.SiloAddress.ToParsableString()}/slot{i}");
            await slot.StartAsync(settings);
            _slots.Add(slot);
        }

        LogSlots(logger, options.TrainerSlots);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_slots.Select(s => s.StopAsync(options.DrainGrace)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogDrainFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Count} trainer slots")]
    private static partial void LogSlots(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining trainer slots failed")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
