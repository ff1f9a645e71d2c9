using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// What <see cref="Reinforce"/>, <see cref="Ppo"/> and <see cref="TabNas"/> share: the <see cref="IPolicyModel"/> (the
/// controller with its optimizer), the moving-average baseline, the outstanding proposals with their log-probabilities, the sampling generator and
/// the reward shaping.
/// </summary>
internal sealed class PolicyLearner
{
    private readonly PolicyGradientOptions _options;
    private readonly Func<Architecture, double>? _cost;
    private DeterministicRandom _random;

    public PolicyLearner(SearchSpace space, PolicyGradientOptions options, ulong seed, Func<Architecture, double>? cost)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Shaping.NeedsCost && cost is null)
        {
            throw new ArgumentException($"reward_shaping '{options.Shaping.Kind}' needs the study's cost function; none was given.", nameof(cost));
        }

        _options = options;
        _cost = cost;
        Model = PolicyModels.Create(space, options, seed);
        _random = new DeterministicRandom(seed);
        Baseline = new MovingAverageBaseline(options.BaselineDecay);
    }

    public IPolicyModel Model { get; }

    public PendingProposals Pending { get; } = new();

    public MovingAverageBaseline Baseline { get; private set; }

    /// <summary>Policy updates made.</summary>
    public int Updates => Model.Updates;

    /// <summary>Samples a proposal and records it as outstanding with its log-probability.</summary>
    public Architecture Propose()
    {
        var architecture = Sample();
        Record(architecture);
        return architecture;
    }

    /// <summary>Samples an architecture from the policy without recording it.</summary>
    public Architecture Sample() => Model.Sample(_random);

    /// <summary>Records a sampled architecture as proposed (outstanding, with its current log-probability).</summary>
    public void Record(Architecture architecture) => Pending.Add(architecture.Key, Model.LogProb(architecture));

    /// <summary>
    /// Closes the outstanding record of <paramref name="architecture"/> and gives its log-probability at proposal time
    /// (the current one when it was not outstanding, e.g. an observation the strategy did not propose).
    /// </summary>
    public double TakeProposalLogProb(Architecture architecture) =>
        Pending.Take(architecture.Key) ?? Model.LogProb(architecture);

    /// <summary>The shaped reward of a score, and the advantage over the baseline after updating the baseline with it.</summary>
    public double Advantage(Architecture architecture, double score)
    {
        var reward = _options.Shaping.NeedsCost ? _options.Shaping.Reward(score, _cost!(architecture)) : score;
        Baseline = Baseline.Update(reward);
        return reward - Baseline.Value;
    }

    /// <summary>One optimizer step increasing Σ weight · log π over <paramref name="terms"/> plus the entropy bonus.</summary>
    public void Step(IReadOnlyList<PolicyTerm> terms) => Model.Step(terms, _options.EntropyWeight);

    public PolicyLearnerState Save() =>
        new(_random.GetState(), Model.SaveState(), Baseline.Numerator, Baseline.Denominator, Pending.Save());

    public void Restore(PolicyLearnerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _random = DeterministicRandom.FromState(state.Random);
        Model.RestoreState(state.Model);
        Baseline = new MovingAverageBaseline(_options.BaselineDecay, state.BaselineNumerator, state.BaselineDenominator);
        Pending.Restore(state.Pending);
    }
}
