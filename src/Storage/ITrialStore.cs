using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage;

/// <summary>
/// The trial ledger and study index. Trials are rows: recording a completion writes that trial's row,
/// never the whole study. Implementations are safe for concurrent use.
/// </summary>
public interface ITrialStore
{
    /// <summary>Creates or migrates the schema (idempotent).</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces <paramref name="trials"/> (keyed by study and trial id) in one transaction.</summary>
    Task UpsertTrialsAsync(IReadOnlyList<TrialRecord> trials, CancellationToken cancellationToken = default);

    /// <summary>A page of a study's trials.</summary>
    Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string studyId, TrialQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every trial of a study, by id (used when a study grain activates).</summary>
    Task<IReadOnlyList<TrialRecord>> GetAllTrialsAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>One trial, or null.</summary>
    Task<TrialRecord?> GetTrialAsync(string studyId, long trialId, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a study's summary row.</summary>
    Task UpsertStudyAsync(StudySummary study, CancellationToken cancellationToken = default);

    /// <summary>A study's summary, or null.</summary>
    Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>Every study, newest first.</summary>
    Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a study's summary and all its trials.</summary>
    Task DeleteStudyAsync(string studyId, CancellationToken cancellationToken = default);
}
