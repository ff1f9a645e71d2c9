namespace NasOrleans.Core.Strategies;

/// <summary>
/// A strategy that learns a policy over the space's decisions (a controller): REINFORCE, PPO, TabNAS. Hosts read the
/// policy to show what it has learned and to check that a restored controller continues from the same parameters.
/// </summary>
public interface IPolicyStrategy : ISearchStrategy
{
    /// <summary>The controller: its parameters, distribution and optimizer.</summary>
    IPolicyModel Model { get; }

    /// <summary>Policy updates made so far (optimizer steps).</summary>
    int PolicyUpdates { get; }

    /// <summary>The reward baseline's current value (0 before the first reward).</summary>
    double Baseline { get; }
}
