namespace NasOrleans.Core.Specs;

/// <summary>What a scalar of a parsed spec is: text, a number, true/false, or nothing.</summary>
internal enum SpecScalarKind
{
    /// <summary>Text (a JSON string, a quoted or non-numeric YAML scalar).</summary>
    Text,

    /// <summary>A number, kept as written.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>null, <c>~</c> or an empty YAML value.</summary>
    Null,
}
