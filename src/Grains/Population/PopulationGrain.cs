using Microsoft.Extensions.Logging;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Strategies;
using NasOrleans.Storage;

namespace NasOrleans.Grains.Population;

/// <summary>The strategy of a population method for one study (see <see cref="StrategyGrain{TState}"/>).</summary>
public sealed class PopulationGrain : StrategyGrain<PopulationState>, IPopulationGrain
{
    /// <summary>Creates the grain.</summary>
    public PopulationGrain(
        [PersistentState("population", StorageNames.Grains)] IPersistentState<PopulationState> state,
        IStrategyJournal journal,
        TrainerCatalog trainers,
        TrainerEnvironment environment,
        ILogger<PopulationGrain> logger)
        : base(state, journal, trainers, environment, logger)
    {
    }

    /// <inheritdoc />
    protected override (string StudyId, string Strategy) JournalKey => (this.GetPrimaryKeyString(), "population");
}
