namespace NasOrleans.Core.Specs;

/// <summary>A mapping of a parsed spec; entries in the order written, duplicate keys kept (JSON allows them).</summary>
internal sealed record SpecMapNode(IReadOnlyList<SpecMapEntry> Entries, int? Line) : SpecNode(Line)
{
    /// <inheritdoc />
    public override string Describe() => "a mapping";
}
