using Microsoft.Extensions.Logging;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Strategies;
using NasOrleans.Storage;

namespace NasOrleans.Grains.Controllers;

/// <summary>
/// The controller of one study and domain: a policy-gradient strategy (<see cref="IPolicyStrategy"/>) whose whole
/// learner state (logits, optimizer moments, baseline, outstanding samples, generator) is journaled with every
/// proposal and update (see <see cref="StrategyGrain{TState}"/>), so a reactivated controller continues exactly where the persisted one stood.
/// </summary>
public sealed class ControllerGrain : StrategyGrain<ControllerState>, IControllerGrain
{
    /// <summary>Creates the grain.</summary>
    public ControllerGrain(
        [PersistentState("controller", StorageNames.Grains)] IPersistentState<ControllerState> state,
        IStrategyJournal journal,
        TrainerCatalog trainers,
        TrainerEnvironment environment,
        ILogger<ControllerGrain> logger)
        : base(state, journal, trainers, environment, logger)
    {
    }

    /// <inheritdoc />
    protected override (string StudyId, string Strategy) JournalKey
    {
        get
        {
            var (studyId, domain) = ControllerKey.Parse(this.GetPrimaryKeyString());
            return (studyId, "controller/" + domain);
        }
    }

    /// <inheritdoc />
    protected override ulong SeedOf(ulong studySeed)
    {
        var (_, domain) = ControllerKey.Parse(this.GetPrimaryKeyString());
        if (domain == ControllerKey.DefaultDomain)
        {
            return studySeed;
        }

        // FNV-1a of the domain: each domain's controller samples its own paths from the same study seed.
        var hash = 14695981039346656037UL;
        foreach (var c in domain)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return studySeed ^ hash;
    }

    /// <inheritdoc />
    public async Task<PolicySnapshot> GetPolicyAsync(CancellationToken cancellationToken = default)
    {
        var learned = await RequireStrategyAsync();
        if (learned is TunasStrategy tunas)
        {
            var controller = tunas.Controller;
            return new PolicySnapshot(tunas.Algorithm, controller.Updates, ObservedCount, controller.Baseline, controller.Logits, Decisions(controller.Layout, controller.Probabilities), controller.Argmax().Key, controller.Entropy);
        }

        if (learned is not IPolicyStrategy strategy)
        {
            throw new InvalidOperationException($"The strategy of '{this.GetPrimaryKeyString()}' ({Strategy!.Algorithm}) does not learn a policy; controllers run reinforce, ppo, tabnas, tunas or mpnas.");
        }

        var model = strategy.Model;
        return new PolicySnapshot(strategy.Algorithm, strategy.PolicyUpdates, ObservedCount, strategy.Baseline, [.. model.Parameters], Decisions(model.Layout, model.Probabilities));
    }

    private static DecisionPolicy[] Decisions(PolicyLayout layout, Func<int, IReadOnlyList<double>> probabilities) =>
        [.. layout.Space.Decisions.Select((d, i) => new DecisionPolicy(d.Name, layout.Labels(i), [.. probabilities(i)]))];
}
