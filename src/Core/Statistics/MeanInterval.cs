namespace NasOrleans.Core.Statistics;

/// <summary>The mean of a few independent runs (seeds) and its Student-t confidence interval.</summary>
public static class MeanInterval
{
    // The 0.975 quantiles of Student's t for 1..30 degrees of freedom; beyond, the normal's 1.96.
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The mean of <paramref name="values"/> with its 95% interval (mean ± t·sd/√n; the mean alone for one value).</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static ConfidenceInterval Compute(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("a mean needs at least one value", nameof(values));
        }

        var mean = values.Average();
        if (values.Count == 1)
        {
            return new ConfidenceInterval(mean, mean, mean, 0.95, 1);
        }

        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var t = values.Count - 1 <= T975.Length ? T975[values.Count - 2] : 1.96;
        var half = t * sd / Math.Sqrt(values.Count);
        return new ConfidenceInterval(mean, mean - half, mean + half, 0.95, values.Count);
    }
}
