using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// A controller: a policy over the search space's decisions (REINFORCE, PPO, TabNAS) for one study and domain, keyed
/// by <see cref="ControllerKey.Format"/>. The policy is updated from completed trials as they arrive from any number
/// of trainers (a sample proposed under an older policy is handled by the algorithm: PPO's ratio, the current
/// log-probability for REINFORCE) and persisted with every update, so a controller that was killed and reactivated
/// continues from the same parameters.
/// </summary>
[Alias("nas.IControllerGrain")]
public interface IControllerGrain : IStrategyGrain
{
    /// <summary>The current policy: its parameters, the probabilities of each decision's values, updates and baseline.</summary>
    [Alias("GetPolicy")]
    Task<PolicySnapshot> GetPolicyAsync(CancellationToken cancellationToken = default);
}
