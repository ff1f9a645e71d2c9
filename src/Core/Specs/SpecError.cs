namespace NasOrleans.Core.Specs;

/// <summary>
/// One problem of a study spec: the <paramref name="Field"/> it concerns, as a path such as
/// <c>budget.max_trials</c> or <c>space.decisions[2].min</c>, and the problem in words with its fix.
/// </summary>
public sealed record SpecError(string Field, string Message)
{
    /// <summary>The problem as one line, <c>field: problem</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
