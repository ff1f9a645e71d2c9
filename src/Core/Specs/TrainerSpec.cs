namespace NasOrleans.Core.Specs;

/// <summary>The trainer by kind (<c>nb201-replay</c>, <c>synthetic</c>, …) and its parameters.</summary>
public sealed record TrainerSpec(string Kind, IReadOnlyDictionary<string, string> Parameters);
