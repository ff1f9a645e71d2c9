namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>How a trainer slot pulls work: leases per pull, and the polling interval bounds when the queue is empty.</summary>
[GenerateSerializer, Immutable]
[Alias("nas.TrainerSlotSettings")]
public sealed record TrainerSlotSettings(
    [property: Id(0)] int LeasesPerPull,
    [property: Id(1)] TimeSpan MinPollInterval,
    [property: Id(2)] TimeSpan MaxPollInterval,
    [property: Id(3)] TimeSpan HeartbeatInterval,
    [property: Id(4)] string? Device = null);
