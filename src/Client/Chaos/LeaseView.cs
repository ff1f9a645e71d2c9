using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Scheduling;

namespace NasOrleans.Client.Chaos;

/// <summary>Reads the scheduler's slot view: which trials of a study hold a lease, and on which silo of a <see cref="LocalCluster"/>.</summary>
internal static class LeaseView
{
    /// <summary>
    /// The trials of <paramref name="studyId"/> leased to a slot, as <c>study/trial</c>, each with its slot's silo
    /// name, from the union of every scheduler shard's slots (a slot shows its trials only in the study's shard).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> LeasedAsync(IGrainFactory grains, LocalCluster cluster, string studyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(cluster);
        var shards = await grains.GetGrain<IStudyCatalogGrain>(0).GetSchedulerShardsAsync();
        var views = await Task.WhenAll(Enumerable.Range(0, shards).Select(s => grains.GetGrain<ISchedulerGrain>(s).GetSlotsAsync(cancellationToken)));
        var prefix = studyId + "/";
        var leased = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slot in views.SelectMany(v => v))
        {
            foreach (var trial in slot.Trials.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)))
            {
                leased[trial] = cluster.NameOfSilo(slot.Slot.Silo) ?? slot.Slot.Silo;
            }
        }

        return leased;
    }
}
