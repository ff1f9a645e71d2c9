using System.Text.Json;

namespace NasOrleans.Core.Specs;

/// <summary>Reads JSON text (comments and trailing commas allowed) into a <see cref="SpecNode"/> tree.</summary>
internal static class JsonSpecTree
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>The tree of <paramref name="text"/>, or null after adding the syntax error to <paramref name="errors"/>.</summary>
    public static SpecNode? Read(string text, List<SpecError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new SpecError("spec", "the spec is empty; give at least name, objective, space, algorithm, trainer and budget"));
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return Convert(document.RootElement);
        }
        catch (JsonException e)
        {
            var detail = e.Message;
            var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
            detail = (cut > 0 ? detail[..cut] : detail).TrimEnd('.', ' ');
            var where = e.LineNumber is { } line ? $"at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "in the text";
            errors.Add(new SpecError("json", $"syntax error {where}: {detail}; fix the JSON there"));
            return null;
        }
    }

    private static SpecNode Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => new SpecMapNode([.. e.EnumerateObject().Select(p => new SpecMapEntry(p.Name, Convert(p.Value), null))], null),
        JsonValueKind.Array => new SpecListNode([.. e.EnumerateArray().Select(Convert)], null),
        JsonValueKind.String => new SpecScalarNode(e.GetString() ?? string.Empty, SpecScalarKind.Text, null),
        JsonValueKind.Number => new SpecScalarNode(e.GetRawText(), SpecScalarKind.Number, null),
        JsonValueKind.True => new SpecScalarNode("true", SpecScalarKind.Boolean, null),
        JsonValueKind.False => new SpecScalarNode("false", SpecScalarKind.Boolean, null),
        _ => new SpecScalarNode(string.Empty, SpecScalarKind.Null, null),
    };
}
