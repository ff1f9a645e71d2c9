namespace NasOrleans.Core.Predictors;

/// <summary>
/// Kernel ridge regression (the posterior mean of a Gaussian process) with a fixed kernel and ridge, fitted
/// incrementally: <see cref="Add"/> extends the Cholesky factor of K + ridge·I by one row (O(n²)), so a search can
/// refit after every observation. Targets are standardized (mean 0, standard deviation 1) before the solve and
/// predictions are mapped back, so the ridge is relative to the kernel's scale, not the targets'. With
/// <see cref="LowerClipQuantile"/> set, targets below that quantile of the training targets are first raised to it:
/// a search cares about ranking the good end, and a few very poor points (for example NAS-Bench-201 cells that
/// do not connect input to output, at 10%) would otherwise dominate the fit.
/// </summary>
public sealed class KernelRidgeRegressor
{
    private readonly Func<double[], double[], double> _kernel;
    private readonly double _ridge;
    private readonly List<double[]> _inputs = [];
    private readonly List<double> _targets = [];
    private readonly List<double[]> _cholesky = [];
    private double[]? _weights;
    private double _mean;
    private double _scale = 1;

    /// <summary>Creates an empty model with <paramref name="kernel"/> (symmetric, positive semi-definite) and <paramref name="ridge"/> &gt; 0.</summary>
    public KernelRidgeRegressor(Func<double[], double[], double> kernel, double ridge)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ridge);
        _kernel = kernel;
        _ridge = ridge;
    }

    /// <summary>
    /// The quantile (0 to 1) of the training targets below which targets are raised to it before fitting; 0 (the
    /// default) leaves them as they are. Only the solve depends on it, so it can change between predictions.
    /// </summary>
    public double LowerClipQuantile
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1);
            field = value;
            _weights = null;
        }
    }

    /// <summary>The number of training points.</summary>
    public int Count => _inputs.Count;

    /// <summary>Adds one training point.</summary>
    public void Add(double[] input, double target)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!double.IsFinite(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A target must be a finite number.");
        }

        var n = _inputs.Count;
        var row = new double[n + 1];
        for (var j = 0; j < n; j++)
        {
            var sum = _kernel(_inputs[j], input);
            var lj = _cholesky[j];
            for (var k = 0; k < j; k++)
            {
                sum -= lj[k] * row[k];
            }

            row[j] = sum / lj[j];
        }

        var diagonal = _kernel(input, input) + _ridge;
        for (var k = 0; k < n; k++)
        {
            diagonal -= row[k] * row[k];
        }

        row[n] = Math.Sqrt(Math.Max(diagonal, _ridge * 1e-6));
        _cholesky.Add(row);
        _inputs.Add(input);
        _targets.Add(target);
        _weights = null;
    }

    /// <summary>The prediction for <paramref name="input"/>: the targets' mean while the model is empty.</summary>
    public double Predict(double[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_inputs.Count == 0)
        {
            return 0;
        }

        var weights = _weights ??= Solve();
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * _kernel(_inputs[i], input);
        }

        return _mean + (_scale * sum);
    }

    /// <summary>
    /// The prediction from the kernel's values between a point and each training point, in training order (at least
    /// <see cref="Count"/> of them): for predicting a fixed set of points often, keeping their kernel values.
    /// </summary>
    public double PredictFromKernel(IReadOnlyList<double> kernelValues)
    {
        ArgumentNullException.ThrowIfNull(kernelValues);
        if (_inputs.Count == 0)
        {
            return 0;
        }

        var weights = _weights ??= Solve();
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * kernelValues[i];
        }

        return _mean + (_scale * sum);
    }

    /// <summary>The kernel's value between training point <paramref name="index"/> and <paramref name="input"/>.</summary>
    public double KernelWith(int index, double[] input) => _kernel(_inputs[index], input);

    private double[] Solve()
    {
        var n = _targets.Count;
        var targets = _targets.ToArray();
        if (LowerClipQuantile > 0)
        {
            var sorted = targets.Order().ToArray();
            var floor = sorted[Math.Min(n - 1, (int)(LowerClipQuantile * n))];
            for (var i = 0; i < n; i++)
            {
                targets[i] = Math.Max(targets[i], floor);
            }
        }

        _mean = targets.Average();
        var variance = targets.Sum(t => (t - _mean) * (t - _mean)) / n;
        _scale = variance > 1e-24 ? Math.Sqrt(variance) : 1;

        // Forward substitution L z = y, then back substitution Lᵀ w = z.
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var row = _cholesky[i];
            var sum = (targets[i] - _mean) / _scale;
            for (var k = 0; k < i; k++)
            {
                sum -= row[k] * z[k];
            }

            z[i] = sum / row[i];
        }

        var w = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= _cholesky[k][i] * w[k];
            }

            w[i] = sum / _cholesky[i][i];
        }

        return w;
    }
}
