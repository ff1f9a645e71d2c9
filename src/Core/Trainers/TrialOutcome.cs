namespace NasOrleans.Core.Trainers;

/// <summary>What a trainer found: metrics when it succeeded, the reason when it failed.</summary>
public sealed record TrialOutcome(bool Succeeded, IReadOnlyDictionary<string, double> Metrics, string? Error)
{
    /// <summary>A successful outcome.</summary>
    public static TrialOutcome Success(IReadOnlyDictionary<string, double> metrics) => new(true, metrics, null);

    /// <summary>A failed outcome with its reason.</summary>
    public static TrialOutcome Failure(string error, IReadOnlyDictionary<string, double>? metrics = null) =>
        new(false, metrics ?? new Dictionary<string, double>(), error);
}
