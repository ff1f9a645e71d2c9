using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// A factorized categorical policy over a search space (as the NAS-Bench-201 REINFORCE controller, and TuNAS): one
/// softmax over the values of each decision, sampled in decision order so that a conditional decision is sampled only
/// when its condition holds (an inactive decision contributes nothing to the log-probability or its gradient).
/// </summary>
/// <remarks>
/// A categorical decision, or an integer one of at most <see cref="MaxIntegerValues"/> values, gets one logit per
/// value. A float decision, or a larger integer one, is discretized into <c>floatBins</c> bins of equal width (on a
/// log scale for a log float; for an integer, consecutive runs of about count/bins values): the policy picks a bin
/// and the value is drawn uniformly within it, so the policy learns which region is good; with <c>floatBins</c> 0
/// such a decision is sampled uniformly and not learned. <c>floatBins</c> is at most <see cref="MaxIntegerValues"/>,
/// so every bin of a large integer decision holds at least one value.
/// All logits start at 0 (the uniform distribution).
/// </remarks>
public sealed class CategoricalPolicy
{
    /// <summary>The most values of an integer decision that gets one logit per value.</summary>
    public const int MaxIntegerValues = 256;

    private readonly PolicyLayout _layout;

    /// <summary>Creates the uniform policy over <paramref name="space"/>.</summary>
    public CategoricalPolicy(SearchSpace space, int floatBins)
    {
        _layout = new PolicyLayout(space, floatBins);
        Logits = new double[_layout.TotalActions];
    }

    /// <summary>All logits, decision after decision (the learnable parameters).</summary>
    public double[] Logits { get; }

    /// <summary>How the decisions map to actions.</summary>
    public PolicyLayout Layout => _layout;

    /// <summary>The probabilities of decision <paramref name="index"/>'s values (or bins); empty when it is not learned.</summary>
    public double[] Probabilities(int index)
    {
        var p = new double[_layout.Actions(index)];
        if (p.Length == 0)
        {
            return p;
        }

        var offset = _layout.Offset(index);
        var max = double.NegativeInfinity;
        for (var k = 0; k < p.Length; k++)
        {
            max = Math.Max(max, Logits[offset + k]);
        }

        var sum = 0.0;
        for (var k = 0; k < p.Length; k++)
        {
            p[k] = Math.Exp(Logits[offset + k] - max);
            sum += p[k];
        }

        for (var k = 0; k < p.Length; k++)
        {
            p[k] /= sum;
        }

        return p;
    }

    /// <summary>Samples an architecture.</summary>
    public Architecture Sample(DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new double[_layout.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = !_layout.IsActive(i, values) ? double.NaN
                : _layout.Actions(i) == 0 ? _layout.UniformValue(i, random)
                : _layout.Value(i, PolicyLayout.Draw(Probabilities(i), random), random);
        }

        return new Architecture(values);
    }

    /// <summary>The log-probability of the learned choices of <paramref name="architecture"/> under the current logits.</summary>
    public double LogProb(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var total = 0.0;
        for (var i = 0; i < _layout.Count; i++)
        {
            if (_layout.ActionOf(i, architecture) is { } action)
            {
                total += Math.Log(Probabilities(i)[action]);
            }
        }

        return total;
    }

    /// <summary>Adds <paramref name="weight"/> times the gradient of <see cref="LogProb"/> with respect to <see cref="Logits"/> to <paramref name="gradient"/>.</summary>
    public void AddLogProbGradient(Architecture architecture, double weight, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(gradient);
        for (var i = 0; i < _layout.Count; i++)
        {
            if (_layout.ActionOf(i, architecture) is not { } action)
            {
                continue;
            }

            var p = Probabilities(i);
            for (var k = 0; k < p.Length; k++)
            {
                gradient[_layout.Offset(i) + k] += weight * ((k == action ? 1 : 0) - p[k]);
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="weight"/> times the gradient of the policy's entropy (the sum over learned decisions of each
    /// softmax's entropy, regardless of conditions) to <paramref name="gradient"/>.
    /// </summary>
    public void AddEntropyGradient(double weight, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        for (var i = 0; i < _layout.Count; i++)
        {
            var p = Probabilities(i);
            var entropy = -p.Sum(q => q > 0 ? q * Math.Log(q) : 0);
            for (var k = 0; k < p.Length; k++)
            {
                // dH/dθk = -p_k (log p_k + H)
                gradient[_layout.Offset(i) + k] += weight * (p[k] > 0 ? -p[k] * (Math.Log(p[k]) + entropy) : 0);
            }
        }
    }

    /// <summary>The policy's entropy: the sum over learned decisions of each softmax's entropy.</summary>
    public double Entropy() =>
        Enumerable.Range(0, _layout.Count).Sum(i => -Probabilities(i).Sum(q => q > 0 ? q * Math.Log(q) : 0));

    /// <summary>Replaces the logits (from a snapshot).</summary>
    public void SetLogits(IReadOnlyList<double> logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Count != Logits.Length)
        {
            throw new ArgumentException($"The policy has {Logits.Length} logits; the snapshot has {logits.Count}.", nameof(logits));
        }

        for (var i = 0; i < Logits.Length; i++)
        {
            Logits[i] = logits[i];
        }
    }
}
