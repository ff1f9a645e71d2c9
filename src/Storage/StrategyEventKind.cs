namespace NasOrleans.Storage;

/// <summary>What a <see cref="StrategyJournalEvent"/> records.</summary>
public enum StrategyEventKind
{
    /// <summary>The strategy proposed an architecture for a trial.</summary>
    Proposed = 1,

    /// <summary>The strategy was told the score of a trial (null when the trial failed).</summary>
    Observed = 2,
}
