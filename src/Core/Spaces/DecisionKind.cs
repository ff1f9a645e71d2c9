namespace NasOrleans.Core.Spaces;

/// <summary>The kind of value a decision takes.</summary>
public enum DecisionKind
{
    /// <summary>One of a list of named choices; the architecture holds the choice's index.</summary>
    Categorical,

    /// <summary>An integer in [min, max] on a step.</summary>
    Integer,

    /// <summary>A real number in [min, max], optionally sampled on a log scale.</summary>
    Float,
}
