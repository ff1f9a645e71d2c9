namespace NasOrleans.Storage;

/// <summary>The argument checks every store's <see cref="IStrategyJournal"/> makes.</summary>
internal static class StrategyJournalArguments
{
    /// <summary>Checks the names of a strategy.</summary>
    public static void CheckNames(string studyId, string strategy)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        ArgumentException.ThrowIfNullOrEmpty(strategy);
    }

    /// <summary>Checks an append and says whether there is anything to write.</summary>
    public static bool IsWorkToAppend(string studyId, string strategy, IReadOnlyList<StrategyJournalEvent> events)
    {
        CheckNames(studyId, strategy);
        ArgumentNullException.ThrowIfNull(events);
        long previous = 0;
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e);
            ArgumentNullException.ThrowIfNull(e.ArchitectureKey);
            if (e.Sequence <= previous)
            {
                throw new ArgumentException("Journal events need increasing positive sequence numbers.", nameof(events));
            }

            previous = e.Sequence;
        }

        return events.Count > 0;
    }

    /// <summary>Checks a snapshot.</summary>
    public static void CheckSnapshot(string studyId, string strategy, StrategySnapshot snapshot)
    {
        CheckNames(studyId, strategy);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(snapshot.State);
        ArgumentOutOfRangeException.ThrowIfNegative(snapshot.Sequence);
    }
}
