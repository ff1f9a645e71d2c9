namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>What a trainer reports when it finishes a leased trial.</summary>
[GenerateSerializer, Immutable]
[Alias("nas.TrialCompletion")]
public sealed record TrialCompletion
{
    [Id(0)] public required Guid LeaseId { get; init; }
    [Id(1)] public required TrialTask Task { get; init; }
    [Id(2)] public required bool Succeeded { get; init; }
    [Id(3)] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    [Id(4)] public string? Error { get; init; }
    [Id(5)] public required string Trainer { get; init; }
    [Id(6)] public double DurationSeconds { get; init; }
    [Id(7)] public int Attempt { get; init; }
}
