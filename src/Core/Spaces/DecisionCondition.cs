namespace NasOrleans.Core.Spaces;

/// <summary>
/// Makes a decision active only when an earlier decision (<paramref name="Parent"/>) takes one of
/// <paramref name="Values"/> (choice names for a categorical parent, numbers as text otherwise).
/// </summary>
public sealed record DecisionCondition(string Parent, IReadOnlyList<string> Values);
