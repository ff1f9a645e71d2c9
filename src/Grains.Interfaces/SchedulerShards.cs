namespace NasOrleans.Grains.Interfaces;

/// <summary>Which scheduler shard owns a study: a stable hash of its id (the same on every silo and client).</summary>
public static class SchedulerShards
{
    /// <summary>The shard of <paramref name="studyId"/> among <paramref name="count"/> shards.</summary>
    public static int Of(string studyId, int count)
    {
        ArgumentNullException.ThrowIfNull(studyId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // FNV-1a: string.GetHashCode is randomized per process, and every process must agree.
        var hash = 2166136261u;
        foreach (var c in studyId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)count);
    }

    /// <summary>The scheduler shard grain that owns <paramref name="studyId"/>.</summary>
    public static ISchedulerGrain For(IGrainFactory grains, string studyId, int count)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<ISchedulerGrain>(Of(studyId, count));
    }
}
