namespace NasOrleans.Grains.Strategies;

/// <summary>
/// What a strategy grain persists as grain state: only the spec. The strategy's state and the bookkeeping that makes
/// calls idempotent live in the strategy journal (<c>IStrategyJournal</c>); the other fields are what earlier builds
/// wrote whole on every call, read once to move them into a journal snapshot and never written again (their ids stay
/// reserved).
/// </summary>
[GenerateSerializer]
[Alias("nas.StrategyGrainState")]
public abstract class StrategyGrainState
{
    /// <summary>The canonical spec the strategy was created from (null before initialization).</summary>
    [Id(0)] public string? SpecJson { get; set; }

    /// <summary>Earlier builds: the strategy's saved state (<c>ISearchStrategy.SaveState</c>); null once in the journal.</summary>
    [Id(1)] public string? StrategyState { get; set; }

    /// <summary>Earlier builds: the first trial id not proposed yet.</summary>
    [Id(2)] public long NextTrialId { get; set; } = 1;

    /// <summary>Earlier builds: proposed trials not observed yet, trial id to architecture key.</summary>
    [Id(3)] public Dictionary<long, string> Pending { get; set; } = [];

    /// <summary>Earlier builds: trial ids observed.</summary>
    [Id(4)] public TrialIdSet Observed { get; set; } = new();
}
