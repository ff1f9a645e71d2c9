using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Studies;

/// <summary>The study grain's persisted state; the trials themselves are rows of the trial store.</summary>
[GenerateSerializer]
[Alias("nas.StudyState")]
public sealed class StudyState
{
    [Id(0)] public string? SpecJson { get; set; }
    [Id(1)] public string SpecHash { get; set; } = "";
    [Id(2)] public StudyStatus Status { get; set; } = StudyStatus.NotFound;
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public string? Message { get; set; }
    [Id(5)] public string ProductVersion { get; set; } = "";
    [Id(6)] public Dictionary<string, string> DataChecksums { get; set; } = [];
    /// <summary>W3C traceparent of the activity that submitted the study (null without tracing): its trials' activities join that trace.</summary>
    [Id(7)] public string? TraceParent { get; set; }
    /// <summary>The gateway's API-key owner that created the study; empty when submitted inside the cluster.</summary>
    [Id(8)] public string Owner { get; set; } = "";
    /// <summary>Trials added to the spec's budget by extensions; the spec itself (and its hash) stays as submitted.</summary>
    [Id(9)] public int ExtraTrials { get; set; }
}
