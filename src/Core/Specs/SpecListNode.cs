namespace NasOrleans.Core.Specs;

/// <summary>A list of a parsed spec.</summary>
internal sealed record SpecListNode(IReadOnlyList<SpecNode> Items, int? Line) : SpecNode(Line)
{
    /// <inheritdoc />
    public override string Describe() => "a list";
}
