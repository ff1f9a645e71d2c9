using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using NasOrleans.Training.Supernets.MultiPath;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// Each domain's share of the unique parameters of the multi-path model that a step's paths (one per domain) make:
/// every weight is split evenly among the domains that use it (a node among the domains routing through it, the stem
/// and head among all, a classifier to its own domain), so the shares add up to
/// <see cref="MultiPathModel.UniqueParameters"/> and a domain's share falls as soon as another domain takes its nodes.
/// It builds the model and counts its parameters, cached by the paths; torch's generator is restored afterwards, so
/// the search's random streams do not depend on the cache.
/// </summary>
internal sealed class SupernetModelCost(SearchSpace space, InputShape input, IReadOnlyList<int> classes)
{
    private const int MaxCached = 4096;
    private readonly Dictionary<string, double[]> _cache = new(StringComparer.Ordinal);

    /// <summary>The domains' shares of the model of <paramref name="paths"/>, in domain order.</summary>
    public IReadOnlyList<double> Shares(IReadOnlyList<Architecture> paths)
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
        var shares = new double[classes.Count];
        using (var model = new MultiPathModel(space, input, classes, paths))
        {
            var users = model.Nodes.ToDictionary(n => n.Node, n => n.Domains, StringComparer.Ordinal);
            IReadOnlyList<int> all = [.. Enumerable.Range(0, classes.Count)];
            foreach (var (name, parameter) in model.named_parameters())
            {
                var parts = name.Split('.');
                var owners = parts[0] switch
                {
                    "nodes" => users[parts[1]],
                    "classifiers" => [int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)],
                    _ => all,
                };
                foreach (var owner in owners)
                {
                    shares[owner] += (double)parameter.numel() / owners.Count;
                }
            }
        }

        set_rng_state(state);
        _cache[key] = shares;
        return shares;
    }
}
