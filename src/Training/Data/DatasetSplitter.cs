using NasOrleans.Core.Randomness;

namespace NasOrleans.Training.Data;

/// <summary>Seeded, stratified splits of sample indices: each class gives its share, and both parts come out shuffled.</summary>
public static class DatasetSplitter
{
    /// <summary>
    /// Splits the indices of <paramref name="labels"/> into a rest and a held-out part of exactly
    /// <paramref name="heldOut"/> samples, each class contributing in proportion (largest remainders); deterministic for a seed.
    /// </summary>
    public static (long[] Remaining, long[] HeldOut) Split(IReadOnlyList<long> labels, int heldOut, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegative(heldOut);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heldOut, labels.Count);
        var random = new DeterministicRandom(seed);
        var byClass = Enumerable.Range(0, labels.Count)
            .GroupBy(i => labels[i])
            .OrderBy(g => g.Key)
            .Select(g => g.Select(i => (long)i).ToArray())
            .ToList();
        var quotas = Quotas(byClass.Select(g => g.Length).ToList(), labels.Count, heldOut);
        var rest = new List<long>(labels.Count - heldOut);
        var held = new List<long>(heldOut);
        for (var c = 0; c < byClass.Count; c++)
        {
            Shuffle(byClass[c], random);
            held.AddRange(byClass[c].Take(quotas[c]));
            rest.AddRange(byClass[c].Skip(quotas[c]));
        }

        var restArray = rest.ToArray();
        var heldArray = held.ToArray();
        Shuffle(restArray, random);
        Shuffle(heldArray, random);
        return (restArray, heldArray);
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates).</summary>
    public static void Shuffle<T>(T[] values, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(random);
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static int[] Quotas(List<int> sizes, int total, int heldOut)
    {
        var exact = sizes.Select(n => (double)n * heldOut / total).ToArray();
        var quotas = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var missing = heldOut - quotas.Sum();
        foreach (var c in Enumerable.Range(0, sizes.Count).OrderByDescending(c => exact[c] - quotas[c]).ThenBy(c => c))
        {
            if (missing == 0)
            {
                break;
            }

            if (quotas[c] < sizes[c])
            {
                quotas[c]++;
                missing--;
            }
        }

        return quotas;
    }
}
