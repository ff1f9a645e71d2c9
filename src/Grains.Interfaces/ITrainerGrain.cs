using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// One training slot on a trainer silo (one per device), keyed "silo/slot". It pulls leases from the
/// scheduler and trains on its own task, outside grain turns, heartbeating while it trains.
/// </summary>
[Alias("nas.ITrainerGrain")]
public interface ITrainerGrain : IGrainWithStringKey
{
    /// <summary>Starts pulling work (idempotent).</summary>
    [Alias("Start")]
    Task StartAsync(TrainerSlotSettings settings);

    /// <summary>Stops pulling; the running trial finishes if it can within <paramref name="grace"/>, else its lease is handed back.</summary>
    [Alias("Stop")]
    Task StopAsync(TimeSpan grace);

    /// <summary>The slot's standing.</summary>
    [Alias("GetStatus")]
    Task<TrainerSlotStatus> GetStatusAsync();
}
