using System.Globalization;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Backends.Http;

/// <summary>Turns the service's wire messages into the records the commands print.</summary>
internal static class HttpWireMapping
{
    public static StudySummary ToSummary(HttpStudy s) => new()
    {
        StudyId = s.StudyId,
        Status = Enum.TryParse<StudyStatus>(s.Status, ignoreCase: true, out var status) ? status : StudyStatus.NotFound,
        SpecJson = s.SpecJson,
        SpecHash = s.SpecHash,
        Seed = 0,
        ProductVersion = "",
        CreatedAt = Timestamp(s.CreatedAt),
        UpdatedAt = Timestamp(s.UpdatedAt),
        MaxTrials = s.MaxTrials,
        Completed = s.Completed,
        Failed = s.Failed,
        Cached = s.Cached,
        Running = s.Running,
        Pending = s.Pending,
        BestTrialId = s.HasBest ? s.BestTrialId : null,
        BestScore = s.HasBest ? s.BestScore : null,
        Message = s.Message.Length == 0 ? null : s.Message,
        Algorithm = s.Algorithm,
        Objective = s.Objective,
        Owner = s.Owner,
    };

    public static TrialRecord ToRecord(string studyId, HttpTrial t)
    {
        var display = string.Join(' ', t.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return new TrialRecord
        {
            StudyId = studyId,
            TrialId = t.TrialId,
            ArchitectureKey = display,
            CanonicalKey = display,
            Status = Enum.TryParse<TrialStatus>(t.Status, ignoreCase: true, out var status) ? status : TrialStatus.Pending,
            Attempt = t.Attempt,
            Metrics = t.Metrics,
            Score = t.HasScore ? t.Score : null,
            Error = t.Error.Length == 0 ? null : t.Error,
            Trainer = t.Trainer.Length == 0 ? null : t.Trainer,
            CreatedAt = DateTimeOffset.MinValue,
            DurationSeconds = t.DurationSeconds > 0 ? t.DurationSeconds : null,
            Display = display,
        };
    }

    public static string Order(TrialOrder order) => order == TrialOrder.ByScore ? "best" : "id";

    private static DateTimeOffset Timestamp(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;
}
