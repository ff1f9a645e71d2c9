namespace NasOrleans.Core.Strategies;

/// <summary>The type of a documented parameter (of an algorithm or a trainer).</summary>
public enum ParameterKind
{
    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A real number.</summary>
    Number,

    /// <summary>Text, optionally one of a list of choices.</summary>
    Text,

    /// <summary>true or false.</summary>
    Boolean,
}
