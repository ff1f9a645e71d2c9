namespace NasOrleans.Storage;

/// <summary>The <see cref="IStrategyJournal"/> part of <see cref="MemoryTrialStore"/>, keyed by study and then strategy.</summary>
public sealed partial class MemoryTrialStore
{
    private readonly Dictionary<string, Dictionary<string, SortedDictionary<long, StrategyJournalEvent>>> _journals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, StrategySnapshot>> _snapshots = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AppendStrategyEventsAsync(string studyId, string strategy, IReadOnlyList<StrategyJournalEvent> events, CancellationToken cancellationToken = default)
    {
        if (!StrategyJournalArguments.IsWorkToAppend(studyId, strategy, events))
        {
            return Task.CompletedTask;
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var journal = For(_journals, studyId, strategy, () => []);
            foreach (var e in events)
            {
                journal.TryAdd(e.Sequence, e);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StrategyJournalEvent>> GetStrategyEventsAsync(string studyId, string strategy, long afterSequence, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StrategyJournalEvent> events = _journals.TryGetValue(studyId, out var study) && study.TryGetValue(strategy, out var journal)
                ? journal.Values.Where(e => e.Sequence > afterSequence).ToList()
                : [];
            return Task.FromResult(events);
        }
    }

    /// <inheritdoc />
    public Task SaveStrategySnapshotAsync(string studyId, string strategy, StrategySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckSnapshot(studyId, strategy, snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(studyId, out var study))
            {
                _snapshots[studyId] = study = new(StringComparer.Ordinal);
            }

            if (!study.TryGetValue(strategy, out var stored) || stored.Sequence <= snapshot.Sequence)
            {
                study[strategy] = snapshot;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StrategySnapshot?> GetStrategySnapshotAsync(string studyId, string strategy, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_snapshots.TryGetValue(studyId, out var study) && study.TryGetValue(strategy, out var snapshot) ? snapshot : null);
        }
    }

    /// <inheritdoc />
    public Task DeleteStrategyJournalAsync(string studyId, string strategy, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _ = _journals.TryGetValue(studyId, out var journals) && journals.Remove(strategy);
            _ = _snapshots.TryGetValue(studyId, out var snapshots) && snapshots.Remove(strategy);
        }

        return Task.CompletedTask;
    }

    private static T For<T>(Dictionary<string, Dictionary<string, T>> map, string studyId, string strategy, Func<T> create)
    {
        if (!map.TryGetValue(studyId, out var study))
        {
            map[studyId] = study = new(StringComparer.Ordinal);
        }

        if (!study.TryGetValue(strategy, out var value))
        {
            study[strategy] = value = create();
        }

        return value;
    }
}
