using System.Globalization;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.WeightSharing;

/// <summary>
/// The nodes of paths through a <c>mobile-cnn</c> supernet and how domains' paths overlap (MPNAS's Jaccard similarity
/// and shared-node fractions). A stage of depth d passes its layers 0 to d-1, each with the stage's op.
/// </summary>
public static class PathNodes
{
    /// <summary>The nodes <paramref name="path"/> passes, in forward order.</summary>
    public static IReadOnlyList<PathNode> Of(SearchSpace space, Architecture path)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(path);
        if (space.Kind != SpaceCatalog.MobileCnn)
        {
            throw new ArgumentException($"Path nodes are those of a '{SpaceCatalog.MobileCnn}' space; this one is '{space.Kind}'.", nameof(space));
        }

        var values = space.Describe(path);
        var nodes = new List<PathNode>();
        for (var stage = 1; values.TryGetValue(Name(stage, "depth"), out var depthText); stage++)
        {
            var depth = Parse(depthText);
            for (var i = 0; i < depth; i++)
            {
                nodes.Add(new PathNode(stage, i, values[Name(stage, "block")], Parse(values[Name(stage, "kernel")]), Parse(values[Name(stage, "expansion")])));
            }
        }

        return nodes;
    }

    /// <summary>Every layer (<c>s{stage}b{index}</c>) of the space, in forward order.</summary>
    public static IReadOnlyList<string> Layers(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var layers = new List<string>();
        for (var stage = 1; space.IndexOf(Name(stage, "depth")) is var d && d >= 0; stage++)
        {
            var max = (int)space.Decisions[d].Max;
            layers.AddRange(Enumerable.Range(0, max).Select(i => new PathNode(stage, i, "", 0, 0).Layer));
        }

        return layers;
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two paths' node sets; 1 when both are empty.</summary>
    public static double Jaccard(IReadOnlyCollection<PathNode> a, IReadOnlyCollection<PathNode> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var union = a.Union(b).Count();
        return union == 0 ? 1 : (double)a.Intersect(b).Count() / union;
    }

    /// <summary>The Jaccard matrix of the domains' paths (row and column i: domain i).</summary>
    public static double[,] JaccardMatrix(IReadOnlyList<IReadOnlyList<PathNode>> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var matrix = new double[paths.Count, paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            for (var j = 0; j < paths.Count; j++)
            {
                matrix[i, j] = Jaccard(paths[i], paths[j]);
            }
        }

        return matrix;
    }

    /// <summary>
    /// Per layer of the space: the nodes the domains' paths use there, and the fraction of them that two or more domains
    /// share (0 where no path reaches the layer or every node there has one user).
    /// </summary>
    public static IReadOnlyList<(string Layer, int Nodes, int Shared, double SharedFraction)> SharingByLayer(SearchSpace space, IReadOnlyList<IReadOnlyList<PathNode>> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var users = paths.SelectMany(p => p.Distinct()).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        return [.. Layers(space).Select(layer =>
        {
            var here = users.Where(u => u.Key.Layer == layer).ToList();
            var shared = here.Count(u => u.Value >= 2);
            return (layer, here.Count, shared, here.Count == 0 ? 0.0 : (double)shared / here.Count);
        })];
    }

    private static string Name(int stage, string decision) => string.Create(CultureInfo.InvariantCulture, $"s{stage}_{decision}");

    private static int Parse(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
