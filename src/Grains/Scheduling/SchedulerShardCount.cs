using NasOrleans.Grains.Interfaces;

namespace NasOrleans.Grains.Scheduling;

/// <summary>
/// The cluster's scheduler shard count, asked once of a control silo (<see cref="IStudyCatalogGrain.GetSchedulerShardsAsync"/>)
/// and kept: a trainer silo whose own <c>Nas:Scheduler:Shards</c> differs from the control silos' would otherwise
/// never pull from some shards, and their studies would wait forever. One per silo (DI singleton).
/// </summary>
public sealed class SchedulerShardCount(IGrainFactory grains)
{
    private int _known;

    /// <summary>The shard count; asks the cluster until it answers (a failed call throws, and the next call asks again).</summary>
    public async ValueTask<int> GetAsync()
    {
        var known = Volatile.Read(ref _known);
        if (known > 0)
        {
            return known;
        }

        var asked = await grains.GetGrain<IStudyCatalogGrain>(0).GetSchedulerShardsAsync();
        Volatile.Write(ref _known, asked);
        return asked;
    }
}
