using NasOrleans.Core.Predictors;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// A fixed pool of random architectures (distinct by canonical key) drawn from their own seed, ranked by an
/// <see cref="ArchitecturePredictor"/>. Each candidate keeps its kernel values with the predictor's observations,
/// extended as observations arrive, so ranking the pool after each observation costs one kernel evaluation per
/// candidate plus a dot product. Rebuilt, not stored: the same seed and size give the same pool.
/// </summary>
internal sealed class CandidatePool
{
    private readonly List<Candidate> _candidates;

    public CandidatePool(SearchSpace space, ArchitecturePredictor predictor, int size, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        _candidates = new List<Candidate>(size);
        for (var i = 0; i < size; i++)
        {
            var sample = space.Sample(random);
            var key = space.CanonicalKey(sample);
            if (keys.Add(key))
            {
                _candidates.Add(new Candidate(sample, key, predictor.Encode(sample), []));
            }
        }
    }

    /// <summary>The candidates not rejected by <paramref name="isKnown"/> (given canonical keys), best predicted first.</summary>
    public IEnumerable<Architecture> Ranked(ArchitecturePredictor predictor, Func<string, bool> isKnown) =>
        Scored(predictor, isKnown, null).OrderByDescending(p => p.Score).Select(p => p.Architecture);

    /// <summary>
    /// The best-predicted candidate not rejected by <paramref name="isKnown"/> (given its canonical key) nor by
    /// <paramref name="exclude"/> (given the architecture), or null.
    /// </summary>
    public Architecture? Best(ArchitecturePredictor predictor, Func<string, bool> isKnown, Func<Architecture, bool>? exclude)
    {
        Architecture? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var (architecture, score) in Scored(predictor, isKnown, exclude))
        {
            if (best is null || score > bestScore)
            {
                (best, bestScore) = (architecture, score);
            }
        }

        return best;
    }

    private IEnumerable<(Architecture Architecture, double Score)> Scored(ArchitecturePredictor predictor, Func<string, bool> isKnown, Func<Architecture, bool>? exclude)
    {
        foreach (var c in _candidates)
        {
            if (isKnown(c.CanonicalKey) || (exclude is not null && exclude(c.Architecture)))
            {
                continue;
            }

            for (var i = c.Kernel.Count; i < predictor.Count; i++)
            {
                c.Kernel.Add(predictor.KernelWith(i, c.Codes));
            }

            yield return (c.Architecture, predictor.PredictFromKernel(c.Kernel));
        }
    }

    private sealed record Candidate(Architecture Architecture, string CanonicalKey, double[] Codes, List<double> Kernel);
}
