using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Grains.Interfaces;

namespace NasOrleans.Grains.Studies;

/// <summary>Which grain holds a study's strategy: a controller for algorithms that learn a policy, else a population grain.</summary>
internal static class StrategyGrains
{
    public static IStrategyGrain For(IGrainFactory factory, string studyId, string algorithm) =>
        StrategyCatalog.Find(algorithm)?.RunsInController == true
            ? factory.GetGrain<IControllerGrain>(ControllerKey.Format(studyId))
            : factory.GetGrain<IPopulationGrain>(studyId);

    /// <summary>Every strategy grain of the study: one controller per domain for a job algorithm with domains, else <see cref="For"/>.</summary>
    public static IReadOnlyList<IStrategyGrain> AllFor(IGrainFactory factory, string studyId, StudySpec spec) =>
        StrategyCatalog.Find(spec.Algorithm.Name) switch
        {
            { HasStrategyGrain: false } => [],
            { Job: not null } when spec.Domains is { Count: > 0 } domains => [.. domains.Select(d => factory.GetGrain<IControllerGrain>(ControllerKey.Format(studyId, d.Name)))],
            _ => [For(factory, studyId, spec.Algorithm.Name)],
        };

    /// <summary>The agent grains of an environment-design study (every role), else none.</summary>
    public static IReadOnlyList<IPairedAgentGrain> AgentsFor(IGrainFactory factory, string studyId, StudySpec spec) =>
        StrategyCatalog.Find(spec.Algorithm.Name) is { RoundsAsTrials: true }
            ? [.. PairedRoles.All.Select(r => factory.GetGrain<IPairedAgentGrain>(PairedRoles.Key(studyId, r)))]
            : [];
}
