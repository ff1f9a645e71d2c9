using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.WeightSharing;

/// <summary>The REINFORCE update of <see cref="TunasController"/>.</summary>
public sealed partial class TunasController
{
    /// <summary>
    /// One REINFORCE step from a batch of rewards. Each reward closes its sample; a reward for an unknown or already
    /// closed sample is rejected (counted in <see cref="RewardsRejected"/>, not applied). With at least one applied
    /// reward r_i: the baseline b takes the batch's mean reward, each sample's loss gradient is −(r_i − b)·∇log π(a_i),
    /// and <see cref="TunasAdam"/> steps at the options' learning rate times <paramref name="learningRateScale"/>; the
    /// entropy regularization, if any, is a plain gradient step beside it (as TuNAS). A scale of 0 (the RL delay) still
    /// moves the baseline and Adam's moments, as in TuNAS, but not the logits.
    /// </summary>
    public TunasUpdate Update(IReadOnlyList<TunasReward> rewards, double learningRateScale = 1)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        if (!double.IsFinite(learningRateScale) || learningRateScale < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRateScale), learningRateScale, "The learning-rate scale must be finite and at least 0.");
        }

        var applied = new List<(Architecture Architecture, double Reward)>(rewards.Count);
        int unknown = 0, duplicate = 0, invalid = 0;
        foreach (var reward in rewards)
        {
            ArgumentNullException.ThrowIfNull(reward, nameof(rewards));
            if (reward.SampleId < 0 || reward.SampleId >= NextSampleId)
            {
                unknown++;
            }
            else if (!_outstanding.Remove(reward.SampleId, out var architecture))
            {
                duplicate++;
            }
            else if (!double.IsFinite(reward.Reward))
            {
                invalid++;
            }
            else
            {
                applied.Add((architecture, reward.Reward));
            }
        }

        RewardsRejected += unknown + duplicate + invalid;
        var learningRate = Options.LearningRate * learningRateScale;
        if (applied.Count == 0)
        {
            return new TunasUpdate(0, unknown, duplicate, invalid, false, learningRate, double.NaN, Baseline, double.NaN, Entropy);
        }

        var meanReward = applied.Average(a => a.Reward);
        _baseline = _baseline.Update(meanReward);
        var baseline = _baseline.Value;
        var gradients = new List<double[]>(applied.Count);
        foreach (var (architecture, reward) in applied)
        {
            var gradient = new double[_policy.Logits.Length];
            _policy.AddLogProbGradient(architecture, -(reward - baseline), gradient);
            gradients.Add(gradient);
        }

        // The entropy term's gradient at the pre-step logits, applied after Adam as plain gradient ascent.
        double[]? entropyStep = null;
        if (Options.EntropyWeight > 0 && learningRate > 0)
        {
            entropyStep = new double[_policy.Logits.Length];
            _policy.AddEntropyGradient(learningRate * Options.EntropyWeight, entropyStep);
        }

        _adam.Step(_policy.Logits, gradients, learningRate);
        if (entropyStep is not null)
        {
            for (var k = 0; k < entropyStep.Length; k++)
            {
                _policy.Logits[k] += entropyStep[k];
            }
        }

        Updates++;
        RewardsReceived += applied.Count;
        return new TunasUpdate(applied.Count, unknown, duplicate, invalid, true, learningRate, meanReward, baseline, meanReward - baseline, Entropy);
    }
}
