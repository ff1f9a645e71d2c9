using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>An algorithm as specs name it: its parameters with defaults, and how to create it.</summary>
public sealed record AlgorithmDescriptor(
    string Name,
    string Description,
    IReadOnlyList<ParameterDescriptor> Parameters,
    Func<SearchSpace, ResolvedParameters, ulong, ISearchStrategy> Create)
{
    /// <summary>
    /// Whether the algorithm learns a policy over the decisions (a controller: REINFORCE, PPO, TabNAS); hosts keep
    /// such strategies in a controller grain that exposes the policy.
    /// </summary>
    public bool LearnsPolicy { get; init; }

    /// <summary>
    /// The kind of job a trainer runs for the whole study (a weight-sharing supernet search), or null for an algorithm
    /// whose proposals become trials. A job algorithm's strategy runs in one controller grain per domain.
    /// </summary>
    public string? Job { get; init; }

    /// <summary>
    /// Whether the job is a sequence of rounds, each one trial (<c>budget.max_trials</c> of them, one at a time), whose
    /// learning state lives in grains of its own (the environment-design agents) rather than in a strategy grain.
    /// </summary>
    public bool RoundsAsTrials { get; init; }

    /// <summary>Whether the strategy lives in a controller grain (a policy learner, or a supernet job's per-domain controllers).</summary>
    public bool RunsInController => LearnsPolicy || (Job is not null && !RoundsAsTrials);

    /// <summary>Whether the algorithm has a strategy grain at all (every one but the round algorithms).</summary>
    public bool HasStrategyGrain => !RoundsAsTrials;
}
