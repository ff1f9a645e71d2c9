using System.Text.Json;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// A REINFORCE controller (Williams 1992; Zoph and Le 2017; the NAS-Bench-201 baseline): a factorized
/// <see cref="CategoricalPolicy"/> trained after every observation by one Adam step on −A·log π(a) − β·H(π), where
/// the advantage A = reward − baseline uses the bias-corrected moving-average baseline (updated with the reward
/// first, as the NAS-Bench-201 script does) and β is <c>entropy_weight</c>.
/// </summary>
/// <remarks>
/// <para>Rewards are the observed scores (higher is better) as they are, or shaped by <c>reward_shaping</c>. They are not
/// normalized: Adam's update is invariant to a constant scale of the rewards, so scores in percent and in fractions
/// learn alike (the entropy weight is in reward units, though).</para>
/// <para>Stale samples: with several proposals outstanding, an observation may come back after the policy has moved
/// on. REINFORCE uses the gradient of the log-probability under the current policy, as a sequential controller would;
/// the outstanding record (keyed by architecture, FIFO for repeats) is closed but its old log-probability is not
/// used (PPO uses it). A failed trial (no score) teaches nothing and only closes its record.</para>
/// </remarks>
public sealed class Reinforce : IPolicyStrategy
{
    /// <summary>The algorithm's name in specs.</summary>
    public const string Name = "reinforce";

    private readonly PolicyLearner _learner;

    /// <summary>Creates the controller; <paramref name="cost"/> is needed only for reward shaping.</summary>
    public Reinforce(SearchSpace space, PolicyGradientOptions options, ulong seed, Func<Architecture, double>? cost = null)
    {
        Options = options;
        _learner = new PolicyLearner(space, options, seed, cost);
    }

    /// <summary>The catalog entry; the default learning rate is the NATS-Bench script's (Adam, 0.01).</summary>
    public static AlgorithmDescriptor Descriptor { get; } = new(
        Name,
        "REINFORCE policy gradient on a factorized categorical policy with a moving-average baseline (Zoph & Le, 2017).",
        PolicyGradientOptions.Parameters("0.01"),
        (space, p, seed) => new Reinforce(space, PolicyGradientOptions.From(p), seed))
    {
        LearnsPolicy = true,
    };

    /// <inheritdoc />
    public string Algorithm => Name;

    /// <summary>The options.</summary>
    public PolicyGradientOptions Options { get; }

    /// <inheritdoc />
    public IPolicyModel Model => _learner.Model;

    /// <inheritdoc />
    public int PolicyUpdates => _learner.Updates;

    /// <inheritdoc />
    public double Baseline => _learner.Baseline.Value;

    /// <inheritdoc />
    public Architecture Propose() => _learner.Propose();

    /// <inheritdoc />
    public void Observe(Architecture architecture, double? score)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        _ = _learner.TakeProposalLogProb(architecture);
        if (score is not { } s || !double.IsFinite(s))
        {
            return;
        }

        _learner.Step([new PolicyTerm(architecture, _learner.Advantage(architecture, s))]);
    }

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(_learner.Save());

    /// <inheritdoc />
    public void RestoreState(string state) =>
        _learner.Restore(JsonSerializer.Deserialize<PolicyLearnerState>(state) ?? throw new ArgumentException("Empty REINFORCE state.", nameof(state)));
}
