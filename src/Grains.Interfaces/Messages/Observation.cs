namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>The search score of a proposed architecture (higher is better; null: the trial failed).</summary>
[GenerateSerializer, Immutable]
[Alias("nas.Observation")]
public sealed record Observation([property: Id(0)] long TrialId, [property: Id(1)] string ArchitectureKey, [property: Id(2)] double? Score);
