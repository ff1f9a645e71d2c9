namespace NasOrleans.Grains.Training;

/// <summary>How a trainer slot pulls work.</summary>
/// <param name="LeasesPerPull">Leases asked for per pull.</param>
/// <param name="MinPollInterval">The first wait after an empty pull; it doubles up to <paramref name="MaxPollInterval"/>.</param>
/// <param name="MaxPollInterval">The longest wait between empty pulls.</param>
/// <param name="HeartbeatInterval">How often a lease is beaten while its trial trains.</param>
public sealed record TrainerSlotSettings(int LeasesPerPull, TimeSpan MinPollInterval, TimeSpan MaxPollInterval, TimeSpan HeartbeatInterval);
