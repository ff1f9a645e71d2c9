namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>An architecture a strategy proposes for trial <see cref="TrialId"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("nas.Proposal")]
public sealed record Proposal([property: Id(0)] long TrialId, [property: Id(1)] string ArchitectureKey);
