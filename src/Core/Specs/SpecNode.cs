namespace NasOrleans.Core.Specs;

/// <summary>
/// A node of a parsed spec, YAML or JSON alike, with its position in the text when known
/// (YAML gives one; JSON does not).
/// </summary>
internal abstract record SpecNode(int? Line)
{
    /// <summary>" (line 3)" when the position is known, else empty; appended to parse-level messages.</summary>
    public string Where => Line is { } line ? $" (line {line})" : string.Empty;

    /// <summary>The node as a message names it, e.g. "the number 5" or "a list".</summary>
    public abstract string Describe();
}
