namespace NasOrleans.Storage;

/// <summary>
/// The append-only journal of a study's strategy: one small row per proposal or observation
/// (<see cref="StrategyJournalEvent"/>) and the latest <see cref="StrategySnapshot"/>, so persisting a step costs the
/// same at the millionth trial as at the first. A strategy is named by its study and a name within it (one population,
/// or one controller per domain). A separate interface (as <see cref="ICompletionLog"/>) so that
/// <see cref="ITrialStore"/> and its fakes stay as they are; the SQLite, PostgreSQL and in-memory stores implement it,
/// and deleting a study deletes its journals and snapshots too.
/// </summary>
public interface IStrategyJournal
{
    /// <summary>
    /// Appends <paramref name="events"/> (in one transaction where the store has them). An event whose sequence is
    /// already stored for the strategy is skipped, so a write retried after an unclear commit adds nothing.
    /// </summary>
    /// <param name="studyId">The study.</param>
    /// <param name="strategy">The strategy within the study.</param>
    /// <param name="events">The events, in sequence order.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the events are stored.</returns>
    Task AppendStrategyEventsAsync(string studyId, string strategy, IReadOnlyList<StrategyJournalEvent> events, CancellationToken cancellationToken = default);

    /// <summary>The strategy's events after <paramref name="afterSequence"/>, in sequence order (empty when none).</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="strategy">The strategy within the study.</param>
    /// <param name="afterSequence">Events up to this sequence are left out (0 for all).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<StrategyJournalEvent>> GetStrategyEventsAsync(string studyId, string strategy, long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="snapshot"/> as the strategy's latest, unless a stored one covers more events.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="strategy">The strategy within the study.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the snapshot is stored.</returns>
    Task SaveStrategySnapshotAsync(string studyId, string strategy, StrategySnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The strategy's latest snapshot, or null.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="strategy">The strategy within the study.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, or null when none was saved.</returns>
    Task<StrategySnapshot?> GetStrategySnapshotAsync(string studyId, string strategy, CancellationToken cancellationToken = default);

    /// <summary>Deletes the strategy's events and snapshot (nothing happens when there are none).</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="strategy">The strategy within the study.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when they are deleted.</returns>
    Task DeleteStrategyJournalAsync(string studyId, string strategy, CancellationToken cancellationToken = default);
}
