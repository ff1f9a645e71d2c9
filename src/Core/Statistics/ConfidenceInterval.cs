namespace NasOrleans.Core.Statistics;

/// <summary>A statistic's value on the whole sample and its bootstrap interval.</summary>
/// <param name="Estimate">The statistic of the original pairs.</param>
/// <param name="Lower">The interval's lower end (the (1 − level)/2 quantile of the resampled statistics).</param>
/// <param name="Upper">The interval's upper end (the (1 + level)/2 quantile).</param>
/// <param name="Level">The confidence level, such as 0.95.</param>
/// <param name="Resamples">Resamples whose statistic was defined (not NaN), of which the quantiles were taken.</param>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Level, int Resamples)
{
    /// <summary>Whether <paramref name="value"/> lies within [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
