using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Interfaces;

/// <summary>Lists the cluster's studies (from the trial store); any silo answers.</summary>
[Alias("nas.IStudyCatalogGrain")]
public interface IStudyCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every study's summary, newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<StudySummary>> ListAsync();

    /// <summary>
    /// The scheduler shards of the cluster (<c>Nas:Scheduler:Shards</c> of the control silos, which host the
    /// studies and the shards), so that trainer silos and clients pull from and read every shard whatever their own
    /// configuration says.
    /// </summary>
    [Alias("GetSchedulerShards")]
    Task<int> GetSchedulerShardsAsync();
}
