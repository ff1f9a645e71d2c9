namespace NasOrleans.Grains.Strategies;

/// <summary>What a strategy grain persists: the spec, the strategy's own state, and the bookkeeping that makes calls idempotent.</summary>
[GenerateSerializer]
[Alias("nas.StrategyGrainState")]
public abstract class StrategyGrainState
{
    /// <summary>The canonical spec the strategy was created from (null before initialization).</summary>
    [Id(0)] public string? SpecJson { get; set; }

    /// <summary>The strategy's saved state (<c>ISearchStrategy.SaveState</c>).</summary>
    [Id(1)] public string? StrategyState { get; set; }

    /// <summary>The first trial id not proposed yet.</summary>
    [Id(2)] public long NextTrialId { get; set; } = 1;

    /// <summary>Proposed trials not observed yet: trial id to architecture key.</summary>
    [Id(3)] public Dictionary<long, string> Pending { get; set; } = [];

    /// <summary>Trial ids observed.</summary>
    [Id(4)] public TrialIdSet Observed { get; set; } = new();
}
