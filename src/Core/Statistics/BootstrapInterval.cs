using NasOrleans.Core.Randomness;
using NasOrleans.Core.Reports;

namespace NasOrleans.Core.Statistics;

/// <summary>
/// The percentile bootstrap of a statistic of paired samples (Efron): draw n pairs with replacement, compute the
/// statistic, repeat, and take the quantiles of the resampled statistics (linear interpolation between order
/// statistics, <see cref="QuantileBands.Quantile"/>). Resamples on which the statistic is undefined (NaN, such as a rank correlation of a constant resample)
/// are skipped. Deterministic for a seed.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>The default number of resamples.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>The default confidence level.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>
    /// The <paramref name="level"/> percentile interval of <paramref name="statistic"/> over
    /// <paramref name="resamples"/> resamples of the pairs (x[i], y[i]), drawn with a generator seeded by
    /// <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The samples differ in length or have fewer than 2 pairs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 10 resamples, or a level outside (0, 1).</exception>
    /// <exception cref="InvalidOperationException">The statistic was undefined on every resample.</exception>
    public static ConfidenceInterval Compute(
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        Func<IReadOnlyList<double>, IReadOnlyList<double>, double> statistic,
        ulong seed,
        int resamples = DefaultResamples,
        double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(statistic);
        if (x.Count != y.Count || x.Count < 2)
        {
            throw new ArgumentException($"The bootstrap needs at least 2 pairs of equal-length samples; got {x.Count} and {y.Count} values.", nameof(y));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be between 0 and 1 (exclusive).");
        }

        var random = new DeterministicRandom(seed);
        var (sampleX, sampleY) = (new double[x.Count], new double[x.Count]);
        var values = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < x.Count; i++)
            {
                var pick = random.NextInt(x.Count);
                (sampleX[i], sampleY[i]) = (x[pick], y[pick]);
            }

            var value = statistic(sampleX, sampleY);
            if (!double.IsNaN(value))
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            throw new InvalidOperationException("The statistic was undefined (NaN) on every resample.");
        }

        values.Sort();
        var tail = (1 - level) / 2;
        return new ConfidenceInterval(statistic(x, y), QuantileBands.Quantile(values, tail), QuantileBands.Quantile(values, 1 - tail), level, values.Count);
    }
}
