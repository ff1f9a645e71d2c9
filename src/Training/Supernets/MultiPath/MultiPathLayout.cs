using System.Globalization;
using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;

namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>
/// The nodes of a heterogeneous multi-path network (MPNAS): every domain's path through the <c>mobile-cnn</c>
/// supernet's positions, and each (position, op) node with the domains that share it.
/// </summary>
internal sealed class MultiPathLayout
{
    private MultiPathLayout(IReadOnlyList<SupernetRoute> routes, IReadOnlyList<MultiPathNodeSpec> nodes, int maxLastChannels)
    {
        (Routes, Nodes, MaxLastChannels) = (routes, nodes, maxLastChannels);
    }

    /// <summary>Each domain's route.</summary>
    public IReadOnlyList<SupernetRoute> Routes { get; }

    /// <summary>The nodes, in order of first use.</summary>
    public IReadOnlyList<MultiPathNodeSpec> Nodes { get; }

    /// <summary>The most channels any domain's path gives the head.</summary>
    public int MaxLastChannels { get; }

    /// <summary>The key of the node a block of a route passes.</summary>
    public static string NodeKey(int stage, int index, MobileBlockPlan block) =>
        string.Create(CultureInfo.InvariantCulture, $"s{stage}b{index}_{CandidateBlock.Key(block.Block, block.Kernel, block.Expansion)}");

    /// <summary>The layout of <paramref name="paths"/> (one per domain) for inputs of <paramref name="input"/>.</summary>
    public static MultiPathLayout From(SearchSpace space, InputShape input, IReadOnlyList<int> classes, IReadOnlyList<Architecture> paths)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0 || paths.Count != classes.Count)
        {
            throw new ArgumentException($"A multi-path model needs one path per domain; got {paths.Count} paths for {classes.Count} domains.", nameof(paths));
        }

        SupernetChoices.From(space);
        var routes = paths.Select((p, d) => SupernetRoute.From(space, p, input, classes[d])).ToList();
        var order = new List<string>();
        var found = new Dictionary<string, (MobileBlockPlan Block, List<int> Users, int Inputs, int Outputs)>(StringComparer.Ordinal);
        for (var d = 0; d < routes.Count; d++)
        {
            foreach (var (stage, index, block) in routes[d].Blocks)
            {
                var key = NodeKey(stage, index, block);
                if (!found.TryGetValue(key, out var node))
                {
                    order.Add(key);
                    node = (block, [], 0, 0);
                }

                node.Users.Add(d);
                found[key] = (node.Block, node.Users, Math.Max(node.Inputs, block.Inputs), Math.Max(node.Outputs, block.Outputs));
            }
        }

        var nodes = order.Select(k => found[k]).Select((n, i) => new MultiPathNodeSpec(order[i], n.Block.Block, n.Block.Kernel, n.Block.Expansion, n.Users, n.Inputs, n.Outputs)).ToList();
        return new MultiPathLayout(routes, nodes, routes.Max(r => r.Plan.LastChannels));
    }
}
