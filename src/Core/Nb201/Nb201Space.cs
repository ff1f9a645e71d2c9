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
        var assigned = new bool[Edges.Count];
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

                var index = EdgeIndex(node, from);
                if (assigned[index])
                {
                    throw new FormatException($"'{text}': node {node} takes input {from} twice.");
                }

                assigned[index] = true;
                values[index] = op;
                filled++;
            }
        }

        return filled == Edges.Count ? new Architecture(values) : throw new FormatException($"'{text}' does not give all 6 edges.");
    }

    /// <inheritdoc />
    public override string Display(Architecture architecture) => ToArchString(architecture);

    /// <summary>
    /// The isomorphism class of the cell, equal to the benchmark's <c>unique_str</c> (NAS-Bench-201's
    /// <c>Structure.to_unique_str(consider_zero=True)</c>): see <see cref="UniqueString"/>.
    /// </summary>
    public override string CanonicalKey(Architecture architecture) => UniqueString(architecture);

    /// <summary>
    /// The cell as an expression over node 0 (written <c>0</c>): each incoming edge of node j gives one term,
    /// <c>#</c> (zero) for <c>none</c> or when its input node's expression is exactly <c>#</c>, the input node's
    /// whole expression for <c>skip_connect</c> (kept as one term, not split), and <c>(input)@op</c> otherwise;
    /// a node is its terms sorted ordinally and joined by <c>+</c>. The result is node 3's expression, and
    /// equals the <c>unique_str</c> column of the benchmark for all 15,625 cells.
    /// </summary>
    public static string UniqueString(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (architecture.Values.Length != Edges.Count)
        {
            throw new ArgumentException($"A NAS-Bench-201 cell has {Edges.Count} edges; this architecture has {architecture.Values.Length} values.", nameof(architecture));
        }

        var nodes = new string[4];
        nodes[0] = "0";
        var terms = new List<string>(3);
        for (var node = 1; node <= 3; node++)
        {
            terms.Clear();
            for (var i = 0; i < Edges.Count; i++)
            {
                if (Edges[i].To != node)
                {
                    continue;
                }

                var input = nodes[Edges[i].From];
                terms.Add(OperationAt(architecture, i) switch
                {
                    "none" => "#",
                    _ when input == "#" => "#",
                    "skip_connect" => input,
                    var op => $"({input})@{op}",
                });
            }

            terms.Sort(StringComparer.Ordinal);
            nodes[node] = string.Join('+', terms);
        }

        return nodes[3];
    }

    private static int EdgeIndex(int to, int from)
    {
        for (var i = 0; i < Edges.Count; i++)
        {
            if (Edges[i] == (to, from))
            {
                return i;
            }
        }

        return -1;
    }

    private static string OperationAt(Architecture architecture, int edge)
    {
        var value = architecture[edge];
        var index = (int)value;
        if (index != value || index < 0 || index >= Operations.Count)
        {
            throw new ArgumentException($"Edge {edge} holds {value}, which is not an operation index (0..{Operations.Count - 1}).", nameof(architecture));
        }

        return Operations[index];
    }

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
