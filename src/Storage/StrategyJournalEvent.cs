namespace NasOrleans.Storage;

/// <summary>
/// One entry of a strategy's journal (<see cref="IStrategyJournal"/>): a proposal or an observation, in the order the
/// strategy made or received it. Replaying the journal from the strategy's initial state (or from a
/// <see cref="StrategySnapshot"/>) in sequence order gives the strategy's state.
/// </summary>
public sealed record StrategyJournalEvent
{
    /// <summary>The position in the journal: 1 for the first event, each next one 1 more.</summary>
    public required long Sequence { get; init; }

    /// <summary>A proposal or an observation.</summary>
    public required StrategyEventKind Kind { get; init; }

    /// <summary>The trial the event is about.</summary>
    public required long TrialId { get; init; }

    /// <summary>The architecture proposed or observed (<c>Architecture.Key</c>).</summary>
    public required string ArchitectureKey { get; init; }

    /// <summary>The observed score; null for proposals and for failed trials.</summary>
    public double? Score { get; init; }
}
