namespace NasOrleans.Core.Specs;

/// <summary>A scalar of a parsed spec: its text as written, and what it is.</summary>
internal sealed record SpecScalarNode(string Text, SpecScalarKind Kind, int? Line) : SpecNode(Line)
{
    /// <inheritdoc />
    public override string Describe() => Kind switch
    {
        SpecScalarKind.Number => $"the number {Text}",
        SpecScalarKind.Boolean => Text,
        SpecScalarKind.Null => "nothing",
        _ => $"the text '{Text}'",
    };
}
