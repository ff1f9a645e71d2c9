using System.Globalization;

namespace NasOrleans.Core.Specs;

/// <summary>
/// Typed reads of a <see cref="SpecNode"/> tree that collect every problem (naming the field, the
/// expected type and what was found) instead of stopping at the first, and remember the broken fields.
/// </summary>
internal sealed class SpecTreeReader
{
    /// <summary>The problems found so far, in order.</summary>
    public List<SpecError> Errors { get; } = [];

    /// <summary>The fields that could not be read.</summary>
    public BrokenFields Broken { get; } = new();

    /// <summary>A field's path under <paramref name="parent"/>.</summary>
    public static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    /// <summary>Records a problem of <paramref name="field"/> and marks the field broken.</summary>
    public void Fail(string field, string message, SpecNode? node = null)
    {
        Errors.Add(new SpecError(field, message + node?.Where));
        Broken.Add(field);
    }

    /// <summary>
    /// The entries of a mapping by key (empty when absent), reporting unknown keys (with a suggestion)
    /// and duplicate keys; null, after reporting it, when the node is not a mapping.
    /// </summary>
    public Dictionary<string, SpecNode>? Map(SpecNode? node, string path, IReadOnlyList<string>? known)
    {
        if (node is null or SpecScalarNode { Kind: SpecScalarKind.Null })
        {
            return [];
        }

        if (node is not SpecMapNode map)
        {
            var keys = known is null ? "names and values" : $"keys {string.Join(", ", known)}";
            var hint = known is { Count: > 0 } && known[0] is "kind" or "name" or "metric" && !path.EndsWith(']') && node is SpecScalarNode { Kind: SpecScalarKind.Text } text
                ? $"; write {path}: {{{known[0]}: {text.Text}}}"
                : string.Empty;
            Fail(path.Length == 0 ? "spec" : path, $"expected a mapping of {keys}, got {node.Describe()}{hint}", node);
            return null;
        }

        var result = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var field = Join(path, entry.Key);
            var where = entry.Line is { } line ? $" (line {line})" : string.Empty;
            if (known is not null && !known.Contains(entry.Key, StringComparer.Ordinal))
            {
                var of = path.Length == 0 ? string.Empty : $" of {path}";
                Fail(field, $"unknown key; {SpecSuggestions.DidYouMean(entry.Key, known)}known keys{of}: {string.Join(", ", known)}{where}");
            }
            else if (!result.TryAdd(entry.Key, entry.Value))
            {
                Fail(field, $"given twice; keep one{where}");
            }
        }

        return result;
    }

    /// <summary>The items of a list (empty when absent); null, after reporting it, when the node is not a list.</summary>
    public IReadOnlyList<SpecNode>? List(SpecNode? node, string path, string items)
    {
        switch (node)
        {
            case null or SpecScalarNode { Kind: SpecScalarKind.Null }:
                return [];
            case SpecListNode list:
                return list.Items;
            default:
                Fail(path, $"expected a list of {items}, got {node.Describe()}", node);
                return null;
        }
    }

    /// <summary>Text (a number or true/false is taken as written); null when absent or not a scalar.</summary>
    public string? Text(SpecNode? node, string path)
    {
        switch (node)
        {
            case null or SpecScalarNode { Kind: SpecScalarKind.Null }:
                return null;
            case SpecScalarNode scalar:
                return scalar.Text;
            default:
                Fail(path, $"expected text, got {node.Describe()}", node);
                return null;
        }
    }

    /// <summary>A number; null when absent or not a number.</summary>
    public double? Number(SpecNode? node, string path)
    {
        if (node is null or SpecScalarNode { Kind: SpecScalarKind.Null })
        {
            return null;
        }

        if (node is SpecScalarNode { Kind: SpecScalarKind.Number } s &&
            double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Fail(path, $"expected a number, got {Found(node)}", node);
        return null;
    }

    /// <summary>
    /// A whole number in [<paramref name="min"/>, <paramref name="max"/>]; null when absent or not one.
    /// <paramref name="advice"/> replaces the range in the message when the number is out of range.
    /// </summary>
    public long? Whole(SpecNode? node, string path, long min = long.MinValue, long max = long.MaxValue, string? advice = null)
    {
        if (node is null or SpecScalarNode { Kind: SpecScalarKind.Null })
        {
            return null;
        }

        if (node is SpecScalarNode { Kind: SpecScalarKind.Number } s &&
            double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Floor(d) == d)
        {
            var fits = long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole);
            if (!fits && Math.Abs(d) < 9e15)
            {
                (whole, fits) = ((long)d, true);
            }

            if (fits && whole >= min && whole <= max)
            {
                return whole;
            }

            advice ??= $"use a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
            Fail(path, $"{s.Text} is out of range; {advice}", node);
            return null;
        }

        Fail(path, $"expected a whole number, got {Found(node)}", node);
        return null;
    }

    /// <summary>A whole number from 0 to 2^64-1; null when absent or not one.</summary>
    public ulong? Unsigned(SpecNode? node, string path)
    {
        if (node is null or SpecScalarNode { Kind: SpecScalarKind.Null })
        {
            return null;
        }

        if (node is SpecScalarNode { Kind: SpecScalarKind.Number } s &&
            ulong.TryParse(s.Text.TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Fail(path, $"expected a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}, got {Found(node)}", node);
        return null;
    }

    /// <summary>true or false; null when absent or not one.</summary>
    public bool? Boolean(SpecNode? node, string path)
    {
        if (node is null or SpecScalarNode { Kind: SpecScalarKind.Null })
        {
            return null;
        }

        if (node is SpecScalarNode { Kind: SpecScalarKind.Boolean } s)
        {
            return bool.Parse(s.Text);
        }

        Fail(path, $"expected true or false, got {Found(node)}", node);
        return null;
    }

    /// <summary>
    /// Named parameter values as invariant text: scalars as written (true/false in lower case), a list of
    /// scalars joined with commas.
    /// </summary>
    public Dictionary<string, string> Parameters(SpecNode? node, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Map(node, path, known: null) ?? [])
        {
            var field = Join(path, name);
            switch (value)
            {
                case SpecScalarNode { Kind: SpecScalarKind.Null }:
                    Fail(field, "no value; give a value or remove the parameter", value);
                    break;
                case SpecScalarNode s:
                    result[name] = ScalarText(s);
                    break;
                case SpecListNode list when list.Items.All(i => i is SpecScalarNode { Kind: not SpecScalarKind.Null }):
                    result[name] = string.Join(',', list.Items.Cast<SpecScalarNode>().Select(ScalarText));
                    break;
                default:
                    Fail(field, $"expected a single value (or a list of values), got {value.Describe()}", value);
                    break;
            }
        }

        return result;
    }

    /// <summary>A scalar's text as a spec stores it.</summary>
    public static string ScalarText(SpecScalarNode s) => s.Kind == SpecScalarKind.Boolean ? s.Text.ToLowerInvariant() : s.Text;

    private static string Found(SpecNode node) =>
        node is SpecScalarNode { Kind: SpecScalarKind.Text } s && double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? $"{node.Describe()} (write numbers without quotes)"
            : node.Describe();
}
