namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>How many of a study's trials wait in the scheduler's queue and how many are leased.</summary>
[GenerateSerializer, Immutable]
[Alias("nas.QueueCounts")]
public sealed record QueueCounts([property: Id(0)] int Queued, [property: Id(1)] int Leased);
