using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// What <see cref="Reinforce"/> and <see cref="Ppo"/> share: the <see cref="CategoricalPolicy"/>, its Adam optimizer,
/// the moving-average baseline, the outstanding proposals with their log-probabilities, the sampling generator and
/// the reward shaping.
/// </summary>
internal sealed class PolicyLearner
{
    private readonly PolicyGradientOptions _options;
    private readonly Func<Architecture, double>? _cost;
    private readonly AdamOptimizer _adam;
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
        Policy = new CategoricalPolicy(space, options.FloatBins);
        _adam = new AdamOptimizer(Policy.Logits.Length, options.LearningRate);
        _random = new DeterministicRandom(seed);
        Baseline = new MovingAverageBaseline(options.BaselineDecay);
    }

    public CategoricalPolicy Policy { get; }

    public PendingProposals Pending { get; } = new();

    public MovingAverageBaseline Baseline { get; private set; }

    /// <summary>Policy updates made.</summary>
    public int Updates => _adam.Steps;

    /// <summary>Samples a proposal and records it as outstanding with its log-probability.</summary>
    public Architecture Propose()
    {
        var architecture = Sample();
        Record(architecture);
        return architecture;
    }

    /// <summary>Samples an architecture from the policy without recording it.</summary>
    public Architecture Sample() => Policy.Sample(_random);

    /// <summary>Records a sampled architecture as proposed (outstanding, with its current log-probability).</summary>
    public void Record(Architecture architecture) => Pending.Add(architecture.Key, Policy.LogProb(architecture));

    /// <summary>
    /// Closes the outstanding record of <paramref name="architecture"/> and gives its log-probability at proposal time
    /// (the current one when it was not outstanding, e.g. an observation the strategy did not propose).
    /// </summary>
    public double TakeProposalLogProb(Architecture architecture) =>
        Pending.Take(architecture.Key) ?? Policy.LogProb(architecture);

    /// <summary>The shaped reward of a score, and the advantage over the baseline after updating the baseline with it.</summary>
    public double Advantage(Architecture architecture, double score)
    {
        var reward = _options.Shaping.NeedsCost ? _options.Shaping.Reward(score, _cost!(architecture)) : score;
        Baseline = Baseline.Update(reward);
        return reward - Baseline.Value;
    }

    /// <summary>One Adam step on the logits against <paramref name="lossGradient"/>, after subtracting the entropy bonus's gradient.</summary>
    public void Step(double[] lossGradient)
    {
        if (_options.EntropyWeight > 0)
        {
            Policy.AddEntropyGradient(-_options.EntropyWeight, lossGradient);
        }

        _adam.Step(Policy.Logits, lossGradient);
    }

    public PolicyLearnerState Save() =>
        new(_random.GetState(), [.. Policy.Logits], _adam.Save(), Baseline.Numerator, Baseline.Denominator, Pending.Save());

    public void Restore(PolicyLearnerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _random = DeterministicRandom.FromState(state.Random);
        Policy.SetLogits(state.Logits);
        _adam.Restore(state.Adam);
        Baseline = new MovingAverageBaseline(_options.BaselineDecay, state.BaselineNumerator, state.BaselineDenominator);
        Pending.Restore(state.Pending);
    }
}
