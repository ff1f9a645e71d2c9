using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Tests;

/// <summary>Builders of trial and study records for the store tests.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset Epoch = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public static TrialRecord Trial(
        string studyId,
        long trialId,
        TrialStatus status = TrialStatus.Pending,
        double? score = null,
        bool feasible = true,
        IReadOnlyDictionary<string, double>? metrics = null) => new()
    {
        StudyId = studyId,
        TrialId = trialId,
        ArchitectureKey = $"arch-{trialId}",
        CanonicalKey = $"canon-{trialId % 7}",
        Status = status,
        Attempt = 1,
        Score = score,
        Feasible = feasible,
        Metrics = metrics ?? new Dictionary<string, double>(),
        CreatedAt = Epoch.AddTicks(trialId * 1_234_567),
    };

    public static TrialRecord Completed(string studyId, long trialId, double score, bool feasible = true) =>
        Trial(studyId, trialId, TrialStatus.Completed, score, feasible, new Dictionary<string, double> { ["accuracy"] = score }) with
        {
            FinishedAt = Epoch.AddMinutes(trialId),
            DurationSeconds = 1.5 + trialId,
            Trainer = "trainer-0",
        };

    public static StudySummary Study(string studyId, DateTimeOffset createdAt) => new()
    {
        StudyId = studyId,
        Status = StudyStatus.Running,
        SpecJson = """{"space":"nb201"}""",
        SpecHash = "hash-" + studyId,
        Seed = 42,
        ProductVersion = "0.1.0",
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
        MaxTrials = 100,
        Algorithm = "random",
        Objective = "accuracy",
    };
}
