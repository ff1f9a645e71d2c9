using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using NasOrleans.Training.Supernets.MultiPath;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// The unique parameters of the multi-path model that a step's paths (one per domain) make, cached by the paths. It
/// builds the model and counts its parameters, so it agrees with <see cref="MultiPathModel.UniqueParameters"/> by
/// construction; torch's generator is restored afterwards, so the search's random streams do not depend on the cache.
/// </summary>
internal sealed class SupernetModelCost(SearchSpace space, InputShape input, IReadOnlyList<int> classes)
{
    private const int MaxCached = 4096;
    private readonly Dictionary<string, long> _cache = new(StringComparer.Ordinal);

    /// <summary>The unique parameters of the model of <paramref name="paths"/>.</summary>
    public long Params(IReadOnlyList<Architecture> paths)
    {
        var key = string.Join('|', paths.Select(p => p.Key));
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        using var state = get_rng_state();
        long count;
        using (var model = new MultiPathModel(space, input, classes, paths))
        {
            count = model.UniqueParameters;
        }

        set_rng_state(state);
        _cache[key] = count;
        return count;
    }
}
