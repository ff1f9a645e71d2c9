namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// The strategy of a population method (random search, regularized evolution, local search, LayerNAS, the
/// predictor-based ones) for one study, keyed by the study id.
/// </summary>
[Alias("nas.IPopulationGrain")]
public interface IPopulationGrain : IStrategyGrain;
