namespace NasOrleans.Client.Backends.Http;

/// <summary>nasorleans.v1.Trial as JSON transcoding writes it.</summary>
internal sealed record HttpTrial
{
    public long TrialId { get; init; }
    public string Status { get; init; } = "";
    public Dictionary<string, string> Parameters { get; init; } = [];
    public Dictionary<string, double> Metrics { get; init; } = [];
    public double Score { get; init; }
    public bool HasScore { get; init; }
    public string Error { get; init; } = "";
    public int Attempt { get; init; }
    public string Trainer { get; init; } = "";
    public double DurationSeconds { get; init; }
}
