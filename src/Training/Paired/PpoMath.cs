using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Paired;

/// <summary>
/// The arithmetic of PPO, pure, over plain arrays and over tensors (the same formulas; <see cref="RecurrentAgent.Update"/>
/// uses the array <see cref="Gae(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{bool}, ReadOnlySpan{float}, double, double)"/>
/// and the tensor losses). Rollout arrays are step-major: element <c>t·envs + e</c> is step t of environment e, and
/// <c>dones[t·envs + e]</c> says that e's episode ended with step t (so step t+1 starts a new one).
/// </summary>
public static class PpoMath
{
    /// <summary>
    /// Generalized advantage estimation: δ_t = r_t + γ·(1 − d_t)·V_{t+1} − V_t, A_t = δ_t + γλ·(1 − d_t)·A_{t+1}, with
    /// V_T = <paramref name="lastValues"/>; returns R_t = A_t + V_t. Envs = <paramref name="lastValues"/>' length.
    /// </summary>
    public static (float[] Advantages, float[] Returns) Gae(
        ReadOnlySpan<float> rewards, ReadOnlySpan<float> values, ReadOnlySpan<bool> dones, ReadOnlySpan<float> lastValues, double gamma, double lambda)
    {
        var envs = lastValues.Length;
        if (envs == 0 || rewards.Length % envs != 0 || values.Length != rewards.Length || dones.Length != rewards.Length)
        {
            throw new ArgumentException($"Gae needs rewards, values and dones of one length, a multiple of lastValues' length ({envs}); got {rewards.Length}, {values.Length} and {dones.Length}.", nameof(rewards));
        }

        var steps = rewards.Length / envs;
        var advantages = new float[rewards.Length];
        var returns = new float[rewards.Length];
        for (var e = 0; e < envs; e++)
        {
            double gae = 0, next = lastValues[e];
            for (var t = steps - 1; t >= 0; t--)
            {
                var i = (t * envs) + e;
                var live = dones[i] ? 0.0 : 1.0;
                var delta = rewards[i] + (gamma * next * live) - values[i];
                gae = delta + (gamma * lambda * live * gae);
                advantages[i] = (float)gae;
                returns[i] = (float)(gae + values[i]);
                next = values[i];
            }
        }

        return (advantages, returns);
    }

    /// <summary>GAE of one environment's sequence (see the batched overload).</summary>
    public static (float[] Advantages, float[] Returns) Gae(
        ReadOnlySpan<float> rewards, ReadOnlySpan<float> values, ReadOnlySpan<bool> dones, float lastValue, double gamma, double lambda) =>
        Gae(rewards, values, dones, [lastValue], gamma, lambda);

    /// <summary>GAE over tensors: rewards, values and dones (bool or 0/1) [steps, envs], lastValues [envs]; float32 results [steps, envs].</summary>
    public static (Tensor Advantages, Tensor Returns) Gae(Tensor rewards, Tensor values, Tensor dones, Tensor lastValues, double gamma, double lambda)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(dones);
        ArgumentNullException.ThrowIfNull(lastValues);
        using var scope = NewDisposeScope();
        var live = 1 - dones.to_type(ScalarType.Float32);
        var steps = rewards.shape[0];
        var advantages = new Tensor[steps];
        var gae = zeros_like(lastValues, dtype: ScalarType.Float32);
        var next = lastValues.to_type(ScalarType.Float32);
        for (var t = steps - 1; t >= 0; t--)
        {
            var delta = rewards[t] + (gamma * next * live[t]) - values[t];
            gae = delta + (gamma * lambda * live[t] * gae);
            advantages[t] = gae;
            next = values[t];
        }

        var a = stack(advantages);
        var r = a + values;
        return (a.MoveToOuterDisposeScope(), r.MoveToOuterDisposeScope());
    }

    /// <summary>PPO's clipped surrogate loss −mean(min(r·A, clip(r, 1 − ε, 1 + ε)·A)) with r = exp(new − old).</summary>
    public static double ClippedSurrogate(ReadOnlySpan<float> newLogProbs, ReadOnlySpan<float> oldLogProbs, ReadOnlySpan<float> advantages, double clip)
    {
        if (newLogProbs.Length == 0 || oldLogProbs.Length != newLogProbs.Length || advantages.Length != newLogProbs.Length)
        {
            throw new ArgumentException($"ClippedSurrogate needs three non-empty spans of one length; got {newLogProbs.Length}, {oldLogProbs.Length} and {advantages.Length}.", nameof(newLogProbs));
        }

        double sum = 0;
        for (var i = 0; i < newLogProbs.Length; i++)
        {
            var ratio = Math.Exp(newLogProbs[i] - (double)oldLogProbs[i]);
            sum += Math.Min(ratio * advantages[i], Math.Clamp(ratio, 1 - clip, 1 + clip) * advantages[i]);
        }

        return -sum / newLogProbs.Length;
    }

    /// <summary>The clipped surrogate loss over tensors of one shape: a scalar tensor (differentiable in <paramref name="newLogProbs"/>).</summary>
    public static Tensor ClippedSurrogate(Tensor newLogProbs, Tensor oldLogProbs, Tensor advantages, double clip)
    {
        ArgumentNullException.ThrowIfNull(newLogProbs);
        ArgumentNullException.ThrowIfNull(oldLogProbs);
        ArgumentNullException.ThrowIfNull(advantages);
        using var scope = NewDisposeScope();
        var ratio = (newLogProbs - oldLogProbs).exp();
        var loss = -minimum(ratio * advantages, ratio.clamp(1 - clip, 1 + clip) * advantages).mean();
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The reference's clipped value loss 0.5·mean(max((V − R)², (V_old + clip(V − V_old, −ε, ε) − R)²)): a scalar tensor
    /// (differentiable in <paramref name="newValues"/>).
    /// </summary>
    public static Tensor ClippedValueLoss(Tensor newValues, Tensor oldValues, Tensor returns, double clip)
    {
        ArgumentNullException.ThrowIfNull(newValues);
        ArgumentNullException.ThrowIfNull(oldValues);
        ArgumentNullException.ThrowIfNull(returns);
        using var scope = NewDisposeScope();
        var clipped = oldValues + (newValues - oldValues).clamp(-clip, clip);
        var loss = 0.5 * maximum((newValues - returns).pow(2), (clipped - returns).pow(2)).mean();
        return loss.MoveToOuterDisposeScope();
    }
}
