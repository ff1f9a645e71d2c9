using NasOrleans.Core.Randomness;
using NasOrleans.Training.Data;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// The samples of every step's batch, a function of the seed and the step alone (so a resumed job sees the batches an
/// uninterrupted one would): the samples are read as an endless sequence of epochs, each a fresh seeded permutation of
/// all indices, and step t's batch of b samples is positions t·b .. t·b + b − 1 of that sequence.
/// </summary>
internal sealed class SupernetBatchOrder(int count, int batch, ulong seed)
{
    private long _epoch = -1;
    private long[] _permutation = [];

    /// <summary>The sample indices of <paramref name="step"/>'s batch.</summary>
    public long[] Indices(long step)
    {
        var indices = new long[batch];
        for (var i = 0; i < batch; i++)
        {
            var position = (step * batch) + i;
            var epoch = position / count;
            if (epoch != _epoch)
            {
                _permutation = [.. Enumerable.Range(0, count).Select(k => (long)k)];
                DatasetSplitter.Shuffle(_permutation, new DeterministicRandom(SupernetSeeds.Mix(seed, (ulong)epoch)));
                _epoch = epoch;
            }

            indices[i] = _permutation[position % count];
        }

        return indices;
    }
}
