namespace NasOrleans.Core.Specs;

/// <summary>
/// The search space: a built-in <see cref="Kind"/> (<c>nb201</c>, <c>mlp</c>, <c>mobile-cnn</c>) with its
/// parameters, or explicit <see cref="Decisions"/> (kind <c>custom</c>, or no kind).
/// </summary>
public sealed record SpaceSpec(
    string? Kind,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<DecisionSpec> Decisions);
