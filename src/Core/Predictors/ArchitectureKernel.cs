namespace NasOrleans.Core.Predictors;

/// <summary>
/// An exponential Hamming kernel over architectures coded by <see cref="ArchitectureEncoder"/>, optionally mixed with
/// an additive one: k(a, b) = (1 − w)·exp(−scale · h) + w·(1 − h), with h = distance(a, b) / decisions, where the
/// distance sums, over decisions, 1 for two different categorical values, |x − y| for two numeric positions, 1 when
/// one side is inactive and 0 when both are. The exponential part is a product of one positive-definite kernel per
/// decision (it models interactions of every order); the additive part, a sum of them, is a linear model of each
/// decision's value (main effects), which is what ranks one-decision neighbours. Both are valid Gaussian-process
/// kernels, so their mix is too; <c>scale</c> sets how fast similarity decays (about 3 ranked NAS-Bench-201 cells
/// best from 20 to 100 samples).
/// </summary>
public sealed class ArchitectureKernel
{
    private readonly ArchitectureEncoder _encoder;
    private readonly double _scale;
    private readonly double _additive;
    private readonly double[] _byMismatches;

    /// <summary>
    /// Creates the kernel for <paramref name="encoder"/>'s codes with decay <paramref name="scale"/> &gt; 0 and
    /// <paramref name="additiveWeight"/> in [0, 1] on the additive part.
    /// </summary>
    public ArchitectureKernel(ArchitectureEncoder encoder, double scale, double additiveWeight = 0)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        ArgumentOutOfRangeException.ThrowIfNegative(additiveWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(additiveWeight, 1);
        _encoder = encoder;
        _scale = scale;
        _additive = additiveWeight;
        _byMismatches = [.. Enumerable.Range(0, encoder.Length + 1).Select(m => Value(m))];
    }

    /// <summary>The distance between two codings: the number of differing decisions, numeric ones counted fractionally.</summary>
    public double Distance(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var distance = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                distance += double.IsNaN(x) == double.IsNaN(y) ? 0 : 1;
            }
            else if (_encoder.IsCategorical(i))
            {
                distance += x.Equals(y) ? 0 : 1;
            }
            else
            {
                distance += Math.Abs(x - y);
            }
        }

        return distance;
    }

    /// <summary>The kernel's value for two codings.</summary>
    public double Evaluate(double[] a, double[] b)
    {
        var distance = Distance(a, b);
        var whole = (int)distance;
        return whole == distance ? _byMismatches[whole] : Value(distance);
    }

    private double Value(double distance)
    {
        var normalized = distance / Math.Max(1, _encoder.Length);
        return ((1 - _additive) * Math.Exp(-_scale * normalized)) + (_additive * (1 - normalized));
    }
}
