using System.ComponentModel.DataAnnotations;

namespace NasOrleans.Grains.Studies;

/// <summary>Timing of study grains.</summary>
public sealed class StudyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Nas:Study";

    /// <summary>How often a running study re-sends its outstanding trials to the scheduler, saves its summary and tells watchers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often a running study reads back from the trial store the trials it has waited on since the last check: a
    /// result another activation of it recorded (two activations can overlap while silos join and die) is adopted, so
    /// the study never waits on a trial the scheduler already closed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan StoreCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Trained weights kept per study: those of its best completed feasible trials.</summary>
    [Range(1, 10_000)]
    public int KeepBestArtifacts { get; set; } = 5;

    /// <summary>Proposals answered from the ledger in a row after which the study ends as exhausted.</summary>
    [Range(10, 10_000_000)]
    public int MaxConsecutiveCached { get; set; } = 10_000;
}
