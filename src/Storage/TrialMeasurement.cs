namespace NasOrleans.Storage;

/// <summary>
/// One intermediate measurement of a trial (for example the validation accuracy after an epoch): the learning curve
/// that early stopping and plots read. Keyed by study, trial and <see cref="Step"/>; writing the same key again
/// replaces the measurement, so a retried report is harmless.
/// </summary>
public sealed record TrialMeasurement
{
    /// <summary>The study.</summary>
    public required string StudyId { get; init; }

    /// <summary>The trial within the study.</summary>
    public required long TrialId { get; init; }

    /// <summary>The step (epoch, batch count or any increasing number the trainer reports).</summary>
    public required long Step { get; init; }

    /// <summary>The metrics at this step, by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>When it was measured.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
