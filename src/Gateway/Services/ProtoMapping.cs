using System.Globalization;
using NasOrleans.Gateway.Protos;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Gateway.Services;

/// <summary>The grains' messages as the API's messages.</summary>
internal static class ProtoMapping
{
    /// <summary>A study; <paramref name="withSpec"/> adds its canonical spec JSON (GetStudy only).</summary>
    public static Study ToProto(StudySummary summary, bool withSpec)
    {
        var study = new Study
        {
            StudyId = summary.StudyId,
            Status = Name(summary.Status),
            Owner = summary.Owner,
            Algorithm = summary.Algorithm,
            Objective = summary.Objective,
            MaxTrials = summary.MaxTrials,
            Completed = summary.Completed,
            Failed = summary.Failed,
            Running = summary.Running,
            Pending = summary.Pending,
            Cached = summary.Cached,
            BestTrialId = summary.BestTrialId ?? 0,
            BestScore = summary.BestScore ?? 0,
            HasBest = summary.BestScore.HasValue,
            Message = summary.Message ?? "",
            CreatedAt = Rfc3339(summary.CreatedAt),
            UpdatedAt = Rfc3339(summary.UpdatedAt),
            SpecHash = summary.SpecHash,
        };
        if (withSpec)
        {
            study.SpecJson = summary.SpecJson;
        }

        return study;
    }

    /// <summary>A trial, with its parameters named by <paramref name="parameters"/>.</summary>
    public static Trial ToProto(TrialRecord record, IReadOnlyDictionary<string, string> parameters)
    {
        var trial = new Trial
        {
            TrialId = record.TrialId,
            Status = Name(record.Status),
            Score = record.Score ?? 0,
            HasScore = record.Score.HasValue,
            Error = record.Error ?? "",
            Attempt = record.Attempt,
            Trainer = record.Trainer ?? "",
            DurationSeconds = record.DurationSeconds ?? 0,
        };
        Copy(parameters, trial.Parameters);
        Copy(record.Metrics, trial.Metrics);
        return trial;
    }

    /// <summary>A suggested trial with its lease.</summary>
    public static Protos.SuggestedTrial ToProto(Grains.Interfaces.Messages.SuggestedTrial suggested)
    {
        var trial = new Protos.SuggestedTrial
        {
            TrialId = suggested.TrialId,
            LeaseId = suggested.LeaseId.ToString(),
            Attempt = suggested.Attempt,
            LeaseExpiresAt = Rfc3339(suggested.ExpiresAt),
            Redelivered = suggested.Redelivered,
        };
        Copy(suggested.Parameters, trial.Parameters);
        return trial;
    }

    /// <summary>A study status by its API name (lower case).</summary>
    public static string Name(StudyStatus status) => status switch
    {
        StudyStatus.Running => "running",
        StudyStatus.Completed => "completed",
        StudyStatus.Cancelled => "cancelled",
        StudyStatus.Failed => "failed",
        StudyStatus.Exhausted => "exhausted",
        _ => "not_found",
    };

    /// <summary>A trial status by its API name (lower case).</summary>
    public static string Name(TrialStatus status) => status switch
    {
        TrialStatus.Pending => "pending",
        TrialStatus.Running => "running",
        TrialStatus.Completed => "completed",
        TrialStatus.Failed => "failed",
        TrialStatus.Cached => "cached",
        TrialStatus.Stopped => "stopped",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>A heartbeat's answer by its API name.</summary>
    public static string Name(HeartbeatReply reply) => reply switch
    {
        HeartbeatReply.Continue => "continue",
        HeartbeatReply.Stop => "stop",
        _ => "lease_lost",
    };

    private static void Copy<TValue>(IReadOnlyDictionary<string, TValue> from, Google.Protobuf.Collections.MapField<string, TValue> to)
    {
        foreach (var (key, value) in from)
        {
            to[key] = value;
        }
    }

    /// <summary>An instant as RFC 3339 in UTC (milliseconds).</summary>
    public static string Rfc3339(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
