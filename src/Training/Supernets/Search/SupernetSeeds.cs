namespace NasOrleans.Training.Supernets.Search;

/// <summary>Seeds derived from the job's seed and coordinates (domain, stream, step), so no generator state needs saving.</summary>
internal static class SupernetSeeds
{
    /// <summary>The stream of the training order.</summary>
    public const ulong TrainOrder = 1;

    /// <summary>The stream of the validation order.</summary>
    public const ulong ValidationOrder = 2;

    /// <summary>The stream of the op warmup's draws.</summary>
    public const ulong OpWarmup = 3;

    /// <summary>A well-mixed seed of <paramref name="parts"/> (SplitMix64 finalizer over each).</summary>
    public static ulong Mix(params ReadOnlySpan<ulong> parts)
    {
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var part in parts)
        {
            h ^= part + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2);
            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
            h ^= h >> 31;
        }

        return h;
    }
}
