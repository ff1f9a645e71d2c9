using System.Text.Json;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// A PPO controller (Schulman et al. 2017) over the same factorized <see cref="CategoricalPolicy"/> as
/// <see cref="Reinforce"/>: observations collect in a buffer of (architecture, advantage, log-probability at proposal
/// time); when it holds <c>batch_size</c> of them the policy takes <c>epochs</c> Adam steps on the clipped surrogate
/// mean(min(ρ·A, clip(ρ, 1−ε, 1+ε)·A)) + β·H(π) with ρ = π(a) / π_old(a), and the buffer empties. Advantages use the
/// bias-corrected moving-average baseline, as in REINFORCE.
/// </summary>
/// <remarks>
/// Stale samples are what PPO's ratio is for: each proposal's log-probability is stored when it is made (keyed by
/// architecture in the saved state, FIFO for repeats) and used as π_old when it is observed, however many updates
/// later, so the clip bounds how far one sample moves the policy. An observation the controller did not propose uses
/// the current log-probability (ratio 1 at the first epoch). A failed trial teaches nothing.
/// </remarks>
public sealed class Ppo : IPolicyStrategy
{
    /// <summary>The algorithm's name in specs.</summary>
    public const string Name = "ppo";

    private readonly PolicyLearner _learner;
    private List<PpoSample> _buffer = [];

    /// <summary>Creates the controller; <paramref name="cost"/> is needed only for reward shaping.</summary>
    public Ppo(SearchSpace space, PolicyGradientOptions options, PpoOptions ppo, ulong seed, Func<Architecture, double>? cost = null)
    {
        ArgumentNullException.ThrowIfNull(ppo);
        Options = options;
        PpoOptions = ppo;
        _learner = new PolicyLearner(space, options, seed, cost);
    }

    /// <summary>The catalog entry.</summary>
    public static AlgorithmDescriptor Descriptor { get; } = new(
        Name,
        "PPO (clipped surrogate, a few epochs over a small buffer) on a factorized categorical policy with a moving-average baseline.",
        [.. PolicyGradientOptions.Parameters("0.01"), .. PpoOptions.Parameters],
        (space, p, seed) => new Ppo(space, PolicyGradientOptions.From(p), PpoOptions.From(p), seed))
    {
        LearnsPolicy = true,
    };

    /// <inheritdoc />
    public string Algorithm => Name;

    /// <summary>The policy-gradient options.</summary>
    public PolicyGradientOptions Options { get; }

    /// <summary>The PPO options.</summary>
    public PpoOptions PpoOptions { get; }

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
        var oldLogProb = _learner.TakeProposalLogProb(architecture);
        if (score is not { } s || !double.IsFinite(s))
        {
            return;
        }

        _buffer.Add(new PpoSample(architecture.Key, _learner.Advantage(architecture, s), oldLogProb));
        if (_buffer.Count < PpoOptions.BatchSize)
        {
            return;
        }

        var samples = _buffer.Select(b => (Architecture: Architecture.FromKey(b.Key), b.Advantage, b.OldLogProb)).ToList();
        for (var epoch = 0; epoch < PpoOptions.Epochs; epoch++)
        {
            var terms = new List<PolicyTerm>(samples.Count);
            foreach (var (sample, advantage, old) in samples)
            {
                var ratio = Math.Exp(Model.LogProb(sample) - old);
                var clipped = advantage >= 0 ? ratio > 1 + PpoOptions.Clip : ratio < 1 - PpoOptions.Clip;
                if (!clipped)
                {
                    terms.Add(new PolicyTerm(sample, advantage * ratio / samples.Count));
                }
            }

            _learner.Step(terms);
        }

        _buffer.Clear();
    }

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(new State(_learner.Save(), [.. _buffer]));

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var s = JsonSerializer.Deserialize<State>(state) ?? throw new ArgumentException("Empty PPO state.", nameof(state));
        _learner.Restore(s.Learner);
        _buffer = [.. s.Buffer];
    }

    private sealed record State(PolicyLearnerState Learner, PpoSample[] Buffer);
}
