using System.ComponentModel.DataAnnotations;

namespace NasOrleans.Grains.Scheduling;

/// <summary>Lease timing of the scheduler.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Nas:Scheduler";

    /// <summary>A lease not renewed by a heartbeat within this time expires and its trial is queued again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired leases are swept.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);
}
