using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage;

/// <summary>
/// The append-only log of accepted trial completions, beside the <see cref="ITrialStore"/> rows that are upserted by
/// id. A separate interface (as <see cref="IMeasurementStore"/>) so that <see cref="ITrialStore"/> and its fakes stay
/// as they are; the SQLite, PostgreSQL and in-memory stores implement it, and deleting a study deletes its log too.
/// </summary>
public interface ICompletionLog
{
    /// <summary>
    /// Upserts <paramref name="trials"/> (as <see cref="ITrialStore.UpsertTrialsAsync"/>) and appends every entry of
    /// <paramref name="completions"/> to the log, in one transaction where the store has them, so the rows and the log
    /// cannot disagree. Entries are never merged: recording the same trial twice appends two entries.
    /// </summary>
    /// <param name="trials">The trial rows to write (completed trials and any copies of their results).</param>
    /// <param name="completions">The accepted completions, one entry each.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when both are stored.</returns>
    Task RecordCompletionsAsync(IReadOnlyList<TrialRecord> trials, IReadOnlyList<CompletionLogEntry> completions, CancellationToken cancellationToken = default);

    /// <summary>A study's log entries in the order they were appended (empty when there are none).</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<CompletionLogEntry>> GetCompletionsAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>The trials of a study with more than one accepted completion in the log, by trial id, with their count.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Trial id to number of entries, only for trials with two or more (empty when none was recorded twice).</returns>
    Task<IReadOnlyDictionary<long, int>> GetRecordedTwiceAsync(string studyId, CancellationToken cancellationToken = default);
}
