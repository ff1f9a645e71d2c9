namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>
/// A study's standing and what reproduces it (seed, spec hash, data checksums, product version);
/// one row of the store's study table, kept current by the study grain.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("nas.StudySummary")]
public sealed record StudySummary
{
    [Id(0)] public required string StudyId { get; init; }
    [Id(1)] public required StudyStatus Status { get; init; }
    [Id(2)] public required string SpecJson { get; init; }
    [Id(3)] public required string SpecHash { get; init; }
    [Id(4)] public required ulong Seed { get; init; }
    [Id(5)] public required string ProductVersion { get; init; }
    [Id(6)] public IReadOnlyDictionary<string, string> DataChecksums { get; init; } = new Dictionary<string, string>();
    [Id(7)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public required DateTimeOffset UpdatedAt { get; init; }
    [Id(9)] public int MaxTrials { get; init; }
    [Id(10)] public int Completed { get; init; }
    [Id(11)] public int Failed { get; init; }
    [Id(12)] public int Cached { get; init; }
    [Id(13)] public int Running { get; init; }
    [Id(14)] public int Pending { get; init; }
    [Id(15)] public long? BestTrialId { get; init; }
    [Id(16)] public double? BestScore { get; init; }
    [Id(17)] public string? Message { get; init; }
    [Id(18)] public string Algorithm { get; init; } = "";
    [Id(19)] public string Objective { get; init; } = "";

    /// <summary>Trials the strategy has observed (from the strategy grain; 0 when read from the store). Equals the finished trials once the study is consistent.</summary>
    [Id(20)] public int Observed { get; init; }

    /// <summary>The owner of the study (the gateway's API-key owner that created it); empty for studies submitted inside the cluster.</summary>
    [Id(21)] public string Owner { get; init; } = "";

    /// <summary>Trials added to the spec's <c>budget.max_trials</c> by extensions (<c>nas extend</c>); included in <see cref="MaxTrials"/>.</summary>
    [Id(22)] public int ExtraTrials { get; init; }
}
