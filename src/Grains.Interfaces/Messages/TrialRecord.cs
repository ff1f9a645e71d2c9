namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>
/// One trial of a study, one row of the trial store. <see cref="Score"/> is the objective turned
/// higher-is-better (negated when minimized); <see cref="SourceTrialId"/> is set on cached trials.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("nas.TrialRecord")]
public sealed record TrialRecord
{
    [Id(0)] public required string StudyId { get; init; }
    [Id(1)] public required long TrialId { get; init; }
    [Id(2)] public required string ArchitectureKey { get; init; }
    [Id(3)] public required string CanonicalKey { get; init; }
    [Id(4)] public required TrialStatus Status { get; init; }
    [Id(5)] public int Attempt { get; init; }
    [Id(6)] public long? SourceTrialId { get; init; }
    [Id(7)] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    [Id(8)] public double? Score { get; init; }
    [Id(9)] public bool Feasible { get; init; } = true;
    [Id(10)] public string? Error { get; init; }
    [Id(11)] public string? Trainer { get; init; }
    [Id(12)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(13)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(14)] public double? DurationSeconds { get; init; }
    [Id(15)] public string? Display { get; init; }
}
