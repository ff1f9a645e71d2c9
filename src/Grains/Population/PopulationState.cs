using NasOrleans.Grains.Strategies;

namespace NasOrleans.Grains.Population;

/// <summary>The population grain's persisted state (see <see cref="StrategyGrainState"/>).</summary>
[GenerateSerializer]
[Alias("nas.PopulationState")]
public sealed class PopulationState : StrategyGrainState;
