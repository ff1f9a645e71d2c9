namespace NasOrleans.Core.Specs;

/// <summary>One entry of a <see cref="SpecMapNode"/>: the key, where the key is written (YAML only), and the value.</summary>
internal sealed record SpecMapEntry(string Key, SpecNode Value, int? Line);
