using System.ComponentModel.DataAnnotations;

namespace NasOrleans.Grains.Scheduling;

/// <summary>Lease timing and sharding of the scheduler.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Nas:Scheduler";

    /// <summary>A lease not renewed by a heartbeat within this time expires and its trial is queued again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired leases and dead silos are swept.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a scheduler shard activates, trials a study re-offers that it has not seen are held this long, so that
    /// trainers still training them under a lease from its lost predecessor adopt them by heartbeat instead of the
    /// trial being trained twice. Make it at least two trainer heartbeat intervals.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RecoveryWindow { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Scheduler shards; a study belongs to one by a stable hash of its id. Every silo must use the same number.</summary>
    [Range(1, 64)]
    public int Shards { get; set; } = 4;
}
