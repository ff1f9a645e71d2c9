namespace NasOrleans.Grains.Population;

/// <summary>The population grain's persisted state: the strategy's own state plus the bookkeeping that makes calls idempotent.</summary>
[GenerateSerializer]
[Alias("nas.PopulationState")]
public sealed class PopulationState
{
    [Id(0)] public string? SpecJson { get; set; }
    [Id(1)] public string? StrategyState { get; set; }
    [Id(2)] public long NextTrialId { get; set; } = 1;
    [Id(3)] public Dictionary<long, string> Pending { get; set; } = [];
    [Id(4)] public TrialIdSet Observed { get; set; } = new();
}
