namespace NasOrleans.Storage;

/// <summary>
/// The intermediate measurements of trials, one row per (study, trial, step), beside the <see cref="ITrialStore"/> that
/// keeps one row per trial. A separate interface so that <see cref="ITrialStore"/> and its fakes stay as they are; the
/// SQLite, PostgreSQL and in-memory stores implement both, and deleting a study deletes its measurements too.
/// </summary>
public interface IMeasurementStore
{
    /// <summary>Inserts or replaces <paramref name="measurements"/> (keyed by study, trial and step) in one transaction.</summary>
    /// <param name="measurements">The measurements; several trials and studies may be mixed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when they are stored.</returns>
    Task AppendMeasurementsAsync(IReadOnlyList<TrialMeasurement> measurements, CancellationToken cancellationToken = default);

    /// <summary>A trial's measurements in step order (empty when there are none).</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="trialId">The trial.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The measurements, by step.</returns>
    Task<IReadOnlyList<TrialMeasurement>> GetMeasurementsAsync(string studyId, long trialId, CancellationToken cancellationToken = default);
}
