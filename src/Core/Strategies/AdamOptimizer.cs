namespace NasOrleans.Core.Strategies;

/// <summary>
/// Adam (Kingma and Ba, 2015) over a flat parameter vector, minimizing: the policy-gradient strategies use it on
/// their logits, as the NAS-Bench-201 REINFORCE script does (torch.optim.Adam with default betas). Its moments
/// are part of the strategy's state, so a restored strategy continues exactly.
/// </summary>
public sealed class AdamOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private double[] _m;
    private double[] _v;

    /// <summary>Creates the optimizer for <paramref name="size"/> parameters with step size <paramref name="learningRate"/>.</summary>
    public AdamOptimizer(int size, double learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        LearningRate = learningRate;
        _m = new double[size];
        _v = new double[size];
    }

    /// <summary>The step size.</summary>
    public double LearningRate { get; }

    /// <summary>Steps taken.</summary>
    public int Steps { get; private set; }

    /// <summary>One step against <paramref name="gradient"/> (of the loss) on <paramref name="parameters"/>, in place.</summary>
    public void Step(double[] parameters, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradient);
        if (parameters.Length != _m.Length || gradient.Length != _m.Length)
        {
            throw new ArgumentException($"Adam was created for {_m.Length} parameters.", nameof(parameters));
        }

        Steps++;
        var correction1 = 1 - Math.Pow(Beta1, Steps);
        var correction2 = 1 - Math.Pow(Beta2, Steps);
        for (var i = 0; i < parameters.Length; i++)
        {
            _m[i] = (Beta1 * _m[i]) + ((1 - Beta1) * gradient[i]);
            _v[i] = (Beta2 * _v[i]) + ((1 - Beta2) * gradient[i] * gradient[i]);
            parameters[i] -= LearningRate * (_m[i] / correction1) / (Math.Sqrt(_v[i] / correction2) + Epsilon);
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
