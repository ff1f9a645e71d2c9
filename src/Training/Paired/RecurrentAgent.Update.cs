using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Paired;

/// <content>The PPO update.</content>
public sealed partial class RecurrentAgent
{
    /// <summary>
    /// Learns from a full rollout: GAE advantages (normalized over the rollout), then <see cref="PpoSettings.Epochs"/> epochs of
    /// <see cref="PpoSettings.Minibatches"/> minibatches, each a random split of the environments (from the agent's generator)
    /// whose whole sequences are replayed from the rollout's initial recurrent state, resetting it after dones. Each minibatch
    /// is one Adam step on clipped surrogate + ValueCoefficient·clipped value loss − EntropyCoefficient·entropy, its
    /// gradients' norm clipped to <see cref="PpoSettings.MaxGradNorm"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The rollout is another agent's, not full, or not bootstrapped while some environment's episode is still running at its end.</exception>
    /// <exception cref="ArgumentException">The rollout has fewer environments than <see cref="PpoSettings.Minibatches"/>.</exception>
    public PpoStats Update(AgentRollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ObjectDisposedException.ThrowIf(_disposed, this);
        rollout.ThrowIfDisposed();
        var s = Settings;
        int envs = rollout.Envs, steps = rollout.Steps;
        CheckUpdatable(rollout);
        var (advantages, returns) = PpoMath.Gae(rollout.Rewards, rollout.Values, rollout.Dones, rollout.LastValues, s.Gamma, s.GaeLambda);

        using var scope = NewDisposeScope();
        var obs = Put(tensor(rollout.Observations, [steps, envs, Shape.ObservationLength]));
        var actions = Put(tensor(rollout.Actions, [steps, envs]));
        var oldLogp = Put(tensor(rollout.LogProbs, [steps, envs]));
        var oldValues = Put(tensor(rollout.Values, [steps, envs]));
        var ret = Put(tensor(returns, [steps, envs]));
        var adv = Put(tensor(advantages, [steps, envs]));
        adv = adv.numel() > 1 ? (adv - adv.mean()) / (adv.std() + 1e-5) : adv - adv.mean();
        var keep = new float[steps * envs];
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = i < envs || !rollout.Dones[i - envs] ? 1f : 0f;
        }

        var masks = Put(tensor(keep, [steps, envs]));
        double policy = 0, value = 0, entropy = 0, kl = 0, clipped = 0;
        var count = 0;
        for (var epoch = 0; epoch < s.Epochs; epoch++)
        {
            var order = randperm(envs, generator: _generator).data<long>().ToArray();
            for (var m = 0; m < s.Minibatches; m++)
            {
                using var inner = NewDisposeScope();
                var from = m * envs / s.Minibatches;
                var to = (m + 1) * envs / s.Minibatches;
                var idx = Put(tensor(order[from..to]));
                var (p, v, h, k, c) = Step(idx, obs, actions, oldLogp, oldValues, ret, adv, masks, rollout);
                (policy, value, entropy, kl, clipped) = (policy + p, value + v, entropy + h, kl + k, clipped + c);
                count++;
            }
        }

        Updates++;
        var meanReturn = rollout.Rewards.Sum(r => (double)r) / envs;
        return new PpoStats(policy / count, value / count, entropy / count, kl / count, clipped / count, meanReturn, Updates);
    }

    private (double Policy, double Value, double Entropy, double Kl, double ClipFraction) Step(
        Tensor idx, Tensor obs, Tensor actions, Tensor oldLogp, Tensor oldValues, Tensor ret, Tensor adv, Tensor masks, AgentRollout rollout)
    {
        var s = Settings;
        var (logits, values) = _net.Replay(
            obs.index_select(1, idx), masks.index_select(1, idx), rollout.InitialHidden.index_select(0, idx), rollout.InitialCell.index_select(0, idx));
        var logp = nn.functional.log_softmax(logits, 1);
        var newLogp = logp.gather(1, actions.index_select(1, idx).reshape(-1, 1)).squeeze(1);
        var old = oldLogp.index_select(1, idx).reshape(-1);
        var a = adv.index_select(1, idx).reshape(-1);
        var policyLoss = PpoMath.ClippedSurrogate(newLogp, old, a, s.Clip);
        var valueLoss = PpoMath.ClippedValueLoss(values, oldValues.index_select(1, idx).reshape(-1), ret.index_select(1, idx).reshape(-1), s.Clip);
        var entropy = -(logp.exp() * logp).sum(1).mean();
        var loss = policyLoss + (s.ValueCoefficient * valueLoss) - (s.EntropyCoefficient * entropy);
        _optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(_net.Ordered, s.MaxGradNorm);
        _optimizer.step();
        using var noGrad = no_grad();
        var logRatio = newLogp - old;
        var ratio = logRatio.exp();
        var kl = ((ratio - 1) - logRatio).mean();
        var clipFraction = ((ratio - 1).abs() > s.Clip).to_type(ScalarType.Float32).mean();
        return (policyLoss.item<float>(), valueLoss.item<float>(), entropy.item<float>(), kl.item<float>(), clipFraction.item<float>());
    }

    private void CheckUpdatable(AgentRollout rollout)
    {
        if (!ReferenceEquals(rollout.Agent, this))
        {
            throw new InvalidOperationException("Update was given another agent's rollout.");
        }

        if (rollout.StepsRecorded != rollout.Steps)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Update needs a full rollout; {rollout.StepsRecorded} of its {rollout.Steps} steps are recorded."));
        }

        var lastDone = rollout.Dones.AsSpan((rollout.Steps - 1) * rollout.Envs, rollout.Envs);
        if (!rollout.IsBootstrapped && lastDone.Contains(false))
        {
            throw new InvalidOperationException("Update needs Bootstrap first: some environment's episode is still running after the rollout's last step.");
        }

        if (rollout.Envs < Settings.Minibatches)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The rollout has {rollout.Envs} environments, fewer than PpoSettings.Minibatches ({Settings.Minibatches}); minibatches split environments."), nameof(rollout));
        }
    }

    private Tensor Put(Tensor t) => t.device == Device ? t : t.to(Device);
}
