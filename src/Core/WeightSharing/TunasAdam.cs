using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.WeightSharing;

/// <summary>
/// Adam as TuNAS applies it to its controller (google-research <c>tunas/tpu_optimizer_ops.apply_adam</c>), minimizing
/// over a flat parameter vector: a step takes the per-sample gradients of a batch and updates
/// m ← β1·m + (1−β1)·mean(g), v ← β2·v + (1−β2)·mean(g²) (the squares averaged, not the average squared), then
/// θ ← θ − lr·√(1−β2^t)/(1−β1^t) · m/(√v + ε). With TuNAS's β1 = 0, m is the batch's mean gradient and the step is
/// sign-like, scaled by the gradient's running magnitude. The learning rate is given per step, so a schedule can
/// scale it (a step at learning rate 0 still updates the moments, as TuNAS's RL delay does).
/// </summary>
public sealed class TunasAdam
{
    private double[] _m;
    private double[] _v;

    /// <summary>Creates the optimizer for <paramref name="size"/> parameters.</summary>
    public TunasAdam(int size, double beta1, double beta2, double epsilon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        TunasOptions.CheckRange("adam_beta1", beta1, 0, 0.9999);
        TunasOptions.CheckRange("adam_beta2", beta2, 0, 0.999999);
        TunasOptions.CheckRange("adam_epsilon", epsilon, 1e-12, 1);
        (Beta1, Beta2, Epsilon) = (beta1, beta2, epsilon);
        _m = new double[size];
        _v = new double[size];
    }

    /// <summary>β1.</summary>
    public double Beta1 { get; }

    /// <summary>β2.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>Steps taken (for the bias corrections).</summary>
    public int Steps { get; private set; }

    /// <summary>The first moments (a copy).</summary>
    public IReadOnlyList<double> FirstMoments => [.. _m];

    /// <summary>The second moments (a copy).</summary>
    public IReadOnlyList<double> SecondMoments => [.. _v];

    /// <summary>One step on <paramref name="parameters"/>, in place, from the per-sample loss <paramref name="gradients"/> (at least one).</summary>
    public void Step(double[] parameters, IReadOnlyList<double[]> gradients, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentOutOfRangeException.ThrowIfZero(gradients.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        if (parameters.Length != _m.Length || gradients.Any(g => g.Length != _m.Length))
        {
            throw new ArgumentException($"The optimizer was created for {_m.Length} parameters.", nameof(parameters));
        }

        Steps++;
        var adjusted = learningRate * Math.Sqrt(1 - Math.Pow(Beta2, Steps)) / (1 - Math.Pow(Beta1, Steps));
        for (var i = 0; i < parameters.Length; i++)
        {
            double sum = 0, squares = 0;
            foreach (var g in gradients)
            {
                sum += g[i];
                squares += g[i] * g[i];
            }

            _m[i] = (Beta1 * _m[i]) + ((1 - Beta1) * (sum / gradients.Count));
            _v[i] = (Beta2 * _v[i]) + ((1 - Beta2) * (squares / gradients.Count));
            parameters[i] -= adjusted * _m[i] / (Math.Sqrt(_v[i]) + Epsilon);
        }
    }

    /// <summary>The moments and step count, for a snapshot.</summary>
    public AdamState Save() => new([.. _m], [.. _v], Steps);

    /// <summary>Restores a snapshot of <see cref="Save"/>.</summary>
    public void Restore(AdamState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.M.Length != _m.Length || state.V.Length != _v.Length)
        {
            throw new ArgumentException($"The Adam state has {state.M.Length} parameters; this optimizer has {_m.Length}.", nameof(state));
        }

        _m = [.. state.M];
        _v = [.. state.V];
        Steps = state.Steps;
    }
}
