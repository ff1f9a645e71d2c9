using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Strategies;

namespace NasOrleans.Grains.Population;

/// <summary>The strategy of a population method for one study (see <see cref="StrategyGrain{TState}"/>).</summary>
public sealed class PopulationGrain : StrategyGrain<PopulationState>, IPopulationGrain
{
    /// <summary>Creates the grain.</summary>
    public PopulationGrain(
        [PersistentState("population", StorageNames.Grains)] IPersistentState<PopulationState> state,
        TrainerCatalog trainers,
        TrainerEnvironment environment)
        : base(state, trainers, environment)
    {
    }
}
