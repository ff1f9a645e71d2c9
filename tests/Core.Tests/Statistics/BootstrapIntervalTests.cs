using NasOrleans.Core.Statistics;

namespace NasOrleans.Core.Tests.Statistics;

public class BootstrapIntervalTests
{
    private static readonly double[] X = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    private static readonly double[] Y = [2, 1, 4, 3, 6, 5, 9, 7, 8, 12, 10, 11];

    [Fact]
    public void Compute_SameSeed_GivesTheSameInterval()
    {
        var first = BootstrapInterval.Compute(X, Y, RankCorrelation.KendallTauB, seed: 7);
        var second = BootstrapInterval.Compute(X, Y, RankCorrelation.KendallTauB, seed: 7);
        var other = BootstrapInterval.Compute(X, Y, RankCorrelation.KendallTauB, seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Compute_CorrelatedPairs_BracketsTheEstimateWithinTheCoefficientsRange()
    {
        var interval = BootstrapInterval.Compute(X, Y, RankCorrelation.SpearmanRho, seed: 1);

        Assert.Equal(RankCorrelation.SpearmanRho(X, Y), interval.Estimate, 12);
        Assert.True(interval.Lower < interval.Estimate && interval.Estimate <= interval.Upper, $"{interval}");
        Assert.InRange(interval.Lower, 0.5, 1);
        Assert.InRange(interval.Upper, interval.Lower, 1);
        Assert.Equal(0.95, interval.Level);
        Assert.True(interval.Contains(interval.Estimate));
    }

    [Fact]
    public void Compute_PerfectOrderOfThreePairs_IsOneAndSkipsTheConstantResamples()
    {
        // A resample of 3 draws is constant with probability 3 / 27: about 222 of 2000 are undefined and skipped.
        var interval = BootstrapInterval.Compute([1, 2, 3], [4, 5, 6], RankCorrelation.KendallTauB, seed: 3);

        Assert.Equal((1.0, 1.0, 1.0), (interval.Estimate, interval.Lower, interval.Upper));
        Assert.InRange(interval.Resamples, 1600, 1999);
    }

    [Fact]
    public void Compute_StatisticOfTheFirstValue_TakesThePercentilesOfTheDraws()
    {
        // The first value of a resample is uniform over 0..99: its 2.5% and 97.5% quantiles are near 2 and 97.
        var values = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();

        var interval = BootstrapInterval.Compute(values, values, (x, _) => x[0], seed: 11, resamples: 20_000);

        Assert.InRange(interval.Lower, 1, 4);
        Assert.InRange(interval.Upper, 95, 98);
        Assert.Equal(20_000, interval.Resamples);
    }

    [Fact]
    public void Compute_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => BootstrapInterval.Compute(X, [1, 2], RankCorrelation.KendallTauB, 1));
        Assert.Throws<ArgumentException>(() => BootstrapInterval.Compute([1], [1], RankCorrelation.KendallTauB, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.Compute(X, Y, RankCorrelation.KendallTauB, 1, resamples: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.Compute(X, Y, RankCorrelation.KendallTauB, 1, level: 1));
    }

    [Fact]
    public void Compute_StatisticNeverDefined_ThrowsInvalidOperation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BootstrapInterval.Compute(X, Y, (_, _) => double.NaN, 1));

        Assert.Contains("undefined", error.Message, StringComparison.Ordinal);
    }
}
