using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Strategies;

namespace NasOrleans.Grains.Controllers;

/// <summary>
/// The controller of one study and domain: a policy-gradient strategy (<see cref="IPolicyStrategy"/>) whose whole
/// learner state (logits, optimizer moments, baseline, outstanding samples, generator) is persisted after every
/// proposal and update, so a reactivated controller continues exactly where the persisted one stood.
/// </summary>
public sealed class ControllerGrain : StrategyGrain<ControllerState>, IControllerGrain
{
    /// <summary>Creates the grain.</summary>
    public ControllerGrain(
        [PersistentState("controller", StorageNames.Grains)] IPersistentState<ControllerState> state,
        TrainerCatalog trainers,
        TrainerEnvironment environment)
        : base(state, trainers, environment)
    {
    }

    /// <inheritdoc />
    public Task<PolicySnapshot> GetPolicyAsync()
    {
        if (RequireStrategy() is not IPolicyStrategy strategy)
        {
            throw new InvalidOperationException($"The strategy of '{this.GetPrimaryKeyString()}' ({Strategy!.Algorithm}) does not learn a policy; controllers run reinforce, ppo or tabnas.");
        }

        var model = strategy.Model;
        var decisions = model.Layout.Space.Decisions
            .Select((d, i) => new DecisionPolicy(d.Name, model.Layout.Labels(i), [.. model.Probabilities(i)]))
            .ToArray();
        return Task.FromResult(new PolicySnapshot(strategy.Algorithm, strategy.PolicyUpdates, State.Observed.Count, strategy.Baseline, [.. model.Parameters], decisions));
    }
}
