namespace NasOrleans.Core.Randomness;

/// <summary>
/// A xoshiro256** generator whose whole state is four numbers, so a strategy can snapshot and
/// restore it and replay the same sequence on any .NET version (System.Random gives no such promise).
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator seeded through SplitMix64, as the xoshiro authors recommend.</summary>
    public DeterministicRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private DeterministicRandom(ulong[] state)
    {
        _s0 = state[0];
        _s1 = state[1];
        _s2 = state[2];
        _s3 = state[3];
    }

    /// <summary>The generator's state, for snapshots.</summary>
    public ulong[] GetState() => [_s0, _s1, _s2, _s3];

    /// <summary>Restores a generator from <see cref="GetState"/>.</summary>
    public static DeterministicRandom FromState(IReadOnlyList<ulong> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Count != 4 || state.All(v => v == 0))
        {
            throw new ArgumentException("A generator state is four numbers, not all zero.", nameof(state));
        }

        return new DeterministicRandom([state[0], state[1], state[2], state[3]]);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxExclusive, 0);
        // Lemire's multiply-shift with rejection: unbiased.
        var range = (ulong)maxExclusive;
        while (true)
        {
            var x = NextUInt64();
            var m = Math.BigMul(x, range, out var low);
            if (low >= (0 - range) % range)
            {
                return (int)m;
            }
        }
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public long NextLong(long min, long maxInclusive)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, maxInclusive);
        var span = (ulong)(maxInclusive - min) + 1;
        if (span == 0)
        {
            return (long)NextUInt64();
        }

        return min + (long)(NextUInt64() % span);
    }

    /// <summary>A standard normal sample (Box-Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
