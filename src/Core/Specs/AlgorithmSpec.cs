namespace NasOrleans.Core.Specs;

/// <summary>The search algorithm by name (see the strategy catalog), its parameters and its seed.</summary>
public sealed record AlgorithmSpec(string Name, ulong Seed, IReadOnlyDictionary<string, string> Parameters);
