namespace NasOrleans.Client.Backends.Http;

/// <summary>nasorleans.v1.Study as JSON transcoding writes it (lowerCamelCase; int64 as a string; defaults may be left out).</summary>
internal sealed record HttpStudy
{
    public string StudyId { get; init; } = "";
    public string Status { get; init; } = "";
    public string Owner { get; init; } = "";
    public string Algorithm { get; init; } = "";
    public string Objective { get; init; } = "";
    public int MaxTrials { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    public int Running { get; init; }
    public int Pending { get; init; }
    public long BestTrialId { get; init; }
    public double BestScore { get; init; }
    public bool HasBest { get; init; }
    public string Message { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public string SpecJson { get; init; } = "";
    public string SpecHash { get; init; } = "";
    public int Cached { get; init; }
}
