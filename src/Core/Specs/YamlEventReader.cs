using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NasOrleans.Core.Specs;

/// <summary>
/// Builds a <see cref="SpecNode"/> tree from YamlDotNet's event stream without recursion. It enforces
/// <see cref="SpecLimits.MaxDepth"/> as collections open, and counts the size of the document as if every alias were written
/// out (an alias shares its anchor's node, and adds the anchor's expanded size), stopping past <see cref="SpecLimits.MaxBytes"/>:
/// an alias bomb ("billion laughs") fails at once instead of growing.
/// </summary>
internal static class YamlEventReader
{
    /// <summary>The root of the single document of <paramref name="parser"/>, or null after adding the problem to <paramref name="errors"/>.</summary>
    public static SpecNode? Read(IParser parser, List<SpecError> errors)
    {
        var stack = new Stack<Frame>();
        var anchors = new Dictionary<string, (SpecNode Node, long Size)>(StringComparer.Ordinal);
        var documents = 0;
        SpecNode? root = null;
        long size = 0;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            var line = (int)e.Start.Line;
            var where = $" (line {line})";
            SpecNode? done = null;
            string? anchor = null;
            long start = 0;
            switch (e)
            {
                case DocumentStart:
                    documents++;
                    continue;
                case StreamStart or StreamEnd or DocumentEnd or Comment:
                    continue;
                case ParsingEvent when documents > 1:
                    continue;
                case MappingStart or SequenceStart when stack.Count >= SpecLimits.MaxDepth:
                    errors.Add(SpecLimits.DepthError(where));
                    return null;
                case MappingStart m:
                    stack.Push(new Frame(true, line, m.Anchor.IsEmpty ? null : m.Anchor.Value, size));
                    size++;
                    continue;
                case SequenceStart s:
                    stack.Push(new Frame(false, line, s.Anchor.IsEmpty ? null : s.Anchor.Value, size));
                    size++;
                    continue;
                case MappingEnd or SequenceEnd:
                    var frame = stack.Pop();
                    done = frame.IsMap ? new SpecMapNode(frame.Entries, frame.Line) : new SpecListNode(frame.Items, frame.Line);
                    (anchor, start) = (frame.Anchor, frame.Size);
                    break;
                case Scalar scalar:
                    (anchor, start) = (scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, size);
                    size += (scalar.Value?.Length ?? 0) + 1;
                    done = new SpecScalarNode(scalar.Value ?? string.Empty, YamlSpecTree.Classify(scalar), line);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        errors.Add(new SpecError("yaml", $"the alias *{alias.Value.Value}{where} names no anchor (&{alias.Value.Value}) defined before it; define the anchor first, or write the value out"));
                        return null;
                    }

                    size += target.Size;
                    done = target.Node;
                    break;
            }

            if (size > SpecLimits.MaxBytes)
            {
                errors.Add(SpecLimits.AliasError(where));
                return null;
            }

            if (done is null)
            {
                continue;
            }

            if (anchor is not null)
            {
                anchors[anchor] = (done, size - start);
            }

            if (stack.Count == 0)
            {
                root = done;
            }
            else if (stack.Peek().Add(done, e.Start) is { } duplicate)
            {
                errors.Add(new SpecError("yaml", $"syntax error at line {e.Start.Line}, column {e.Start.Column}: Duplicate key '{duplicate}'; keep one"));
                return null;
            }
        }

        return documents switch
        {
            0 => Fail(errors, new SpecError("spec", "the spec is empty; give at least name, objective, space, algorithm, trainer and budget")),
            > 1 => Fail(errors, new SpecError("yaml", $"the text holds {documents} YAML documents; a spec is one document, so remove the '---' separators")),
            _ => root,
        };
    }

    private static SpecNode? Fail(List<SpecError> errors, SpecError error)
    {
        errors.Add(error);
        return null;
    }

    /// <summary>An open mapping or list: what it holds so far, and the size counted when it opened.</summary>
    private sealed class Frame(bool isMap, int line, string? anchor, long size)
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private (string Text, int Line)? _key;

        public bool IsMap { get; } = isMap;

        public int Line { get; } = line;

        public string? Anchor { get; } = anchor;

        public long Size { get; } = size;

        public List<SpecMapEntry> Entries { get; } = [];

        public List<SpecNode> Items { get; } = [];

        /// <summary>Adds a key, value or item; returns the key when it is a duplicate.</summary>
        public string? Add(SpecNode node, Mark at)
        {
            if (!IsMap)
            {
                Items.Add(node);
                return null;
            }

            if (_key is not { } key)
            {
                var text = node is SpecScalarNode scalar ? scalar.Text : node.Describe();
                _key = (text, (int)at.Line);
                return _keys.Add(text) ? null : text;
            }

            Entries.Add(new SpecMapEntry(key.Text, node, key.Line));
            _key = null;
            return null;
        }
    }
}
