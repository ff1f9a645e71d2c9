using NasOrleans.Core.Strategies;
using NasOrleans.Grains.Interfaces;

namespace NasOrleans.Grains.Studies;

/// <summary>Which grain holds a study's strategy: a controller for algorithms that learn a policy, else a population grain.</summary>
internal static class StrategyGrains
{
    public static IStrategyGrain For(IGrainFactory factory, string studyId, string algorithm) =>
        StrategyCatalog.Find(algorithm)?.LearnsPolicy == true
            ? factory.GetGrain<IControllerGrain>(ControllerKey.Format(studyId))
            : factory.GetGrain<IPopulationGrain>(studyId);
}
