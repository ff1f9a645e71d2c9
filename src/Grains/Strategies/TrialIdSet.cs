namespace NasOrleans.Grains.Strategies;

/// <summary>A set of positive trial ids as a bitmap: 100,000 trials take 12.5 kB, cheap to persist on every batch.</summary>
[GenerateSerializer]
[Alias("nas.TrialIdSet")]
public sealed class TrialIdSet
{
    [Id(0)] public byte[] Bits { get; set; } = [];
    [Id(1)] public int Count { get; set; }

    /// <summary>Whether <paramref name="trialId"/> is in the set.</summary>
    public bool Contains(long trialId) =>
        trialId >= 0 && trialId / 8 < Bits.Length && (Bits[trialId / 8] & (1 << (int)(trialId % 8))) != 0;

    /// <summary>Adds <paramref name="trialId"/>; false when it was there already.</summary>
    public bool Add(long trialId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trialId);
        if (Contains(trialId))
        {
            return false;
        }

        var index = (int)(trialId / 8);
        if (index >= Bits.Length)
        {
            var grown = new byte[Math.Max(index + 1, Bits.Length * 2)];
            Bits.CopyTo(grown, 0);
            Bits = grown;
        }

        Bits[index] |= (byte)(1 << (int)(trialId % 8));
        Count++;
        return true;
    }
}
