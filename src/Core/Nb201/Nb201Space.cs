using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Nb201;

/// <summary>
/// The NAS-Bench-201 cell space: 4 nodes, 6 edges (node j from node i, i &lt; j), each one of 5 operations;
/// 15,625 architectures. The display form is the benchmark's cell string.
/// </summary>
public sealed partial class Nb201Space : SearchSpace
{
    /// <summary>The space kind's name in specs.</summary>
    public const string KindName = "nb201";

    /// <summary>The operations, in the benchmark's order.</summary>
    public static readonly IReadOnlyList<string> Operations = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"];

    /// <summary>The edges as (to, from), in the order of the cell string.</summary>
    public static readonly IReadOnlyList<(int To, int From)> Edges = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)];

    private Nb201Space()
        : base(KindName, [.. Edges.Select(e => Decision.Categorical($"edge_{e.To}_{e.From}", Operations))])
    {
    }

    /// <summary>The one instance (the space has no parameters).</summary>
    public static Nb201Space Instance { get; } = new();

    /// <summary>The cell string, e.g. <c>|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|</c>.</summary>
    public static string ToArchString(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var parts = new List<string>();
        for (var node = 1; node <= 3; node++)
        {
            var ops = Enumerable.Range(0, Edges.Count)
                .Where(i => Edges[i].To == node)
                .Select(i => $"{Operations[(int)architecture[i]]}~{Edges[i].From}");
            parts.Add("|" + string.Join('|', ops) + "|");
        }

        return string.Join('+', parts);
    }

    /// <summary>Parses a cell string; throws <see cref="FormatException"/> naming the problem.</summary>
    public static Architecture ParseArchString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nodes = text.Split('+');
        if (nodes.Length != 3)
        {
            throw new FormatException($"'{text}' is not a NAS-Bench-201 cell string: it needs 3 node groups joined by '+'.");
        }

        var values = new double[Edges.Count];
        var filled = 0;
        for (var node = 1; node <= 3; node++)
        {
            var edges = nodes[node - 1].Trim('|').Split('|');
            if (edges.Length != node)
            {
                throw new FormatException($"'{text}': node {node} needs {node} incoming edges, found {edges.Length}.");
            }

            foreach (var edge in edges)
            {
                var pieces = edge.Split('~');
                var op = pieces.Length == 2 ? IndexOfOperation(pieces[0]) : -1;
                if (op < 0 || !int.TryParse(pieces[1], out var from) || from < 0 || from >= node)
                {
                    throw new FormatException($"'{text}': edge '{edge}' is not 'operation~input' with a known operation and an earlier node.");
                }

                var index = Edges.ToList().IndexOf((node, from));
                values[index] = op;
                filled++;
            }
        }

        return filled == Edges.Count ? new Architecture(values) : throw new FormatException($"'{text}' does not give all 6 edges.");
    }

    /// <inheritdoc />
    public override string Display(Architecture architecture) => ToArchString(architecture);

    private static int IndexOfOperation(string name)
    {
        for (var i = 0; i < Operations.Count; i++)
        {
            if (Operations[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
