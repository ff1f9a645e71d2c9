using NasOrleans.Core.Statistics;

namespace NasOrleans.Core.Tests.Statistics;

public class RankCorrelationTests
{
    private static readonly double[] Ordered = [1, 2, 3, 4, 5];

    [Fact]
    public void KendallTauB_SevenConcordantThreeDiscordant_IsFourTenths()
    {
        // Pairs (1,2), (1,3) and (4,5) are discordant, the other 7 of the 10 concordant: (7 - 3) / 10.
        Assert.Equal(0.4, RankCorrelation.KendallTauB(Ordered, [3, 1, 2, 5, 4]), 12);
    }

    [Fact]
    public void SpearmanRho_NoTies_MatchesOneMinusSixSumOfSquaredRankDifferences()
    {
        // d = (-2, 1, 1, -1, 1), sum d^2 = 8: 1 - 6 * 8 / (5 * 24) = 0.6.
        Assert.Equal(0.6, RankCorrelation.SpearmanRho(Ordered, [3, 1, 2, 5, 4]), 12);
    }

    [Fact]
    public void KendallTauB_OneTieInEachSample_CorrectsTheDenominator()
    {
        // 4 concordant, 0 discordant, one pair tied in x and one in y: 4 / sqrt((6 - 1)(6 - 1)) = 0.8 (scipy agrees).
        Assert.Equal(0.8, RankCorrelation.KendallTauB([1, 2, 2, 3], [1, 2, 3, 3]), 12);
    }

    [Fact]
    public void SpearmanRho_Ties_UsesAverageRanks()
    {
        // Ranks (1, 2.5, 2.5, 4) and (1, 2, 3.5, 3.5): covariance sum 3.75, variance sums 4.5 each.
        Assert.Equal(3.75 / 4.5, RankCorrelation.SpearmanRho([1, 2, 2, 3], [1, 2, 3, 3]), 12);
    }

    [Fact]
    public void AverageRanks_TiedValues_ShareTheMeanOfTheirRanks()
    {
        Assert.Equal([2, 3.5, 3.5, 1], RankCorrelation.AverageRanks([10, 20, 20, 5]));
    }

    [Fact]
    public void BothCoefficients_SameOrder_AreOne()
    {
        double[] y = [10, 20, 30, 40, 50];

        Assert.Equal(1, RankCorrelation.KendallTauB(Ordered, y), 12);
        Assert.Equal(1, RankCorrelation.SpearmanRho(Ordered, y), 12);
    }

    [Fact]
    public void BothCoefficients_InverseOrder_AreMinusOne()
    {
        double[] y = [0.5, 0.4, 0.3, 0.2, 0.1];

        Assert.Equal(-1, RankCorrelation.KendallTauB(Ordered, y), 12);
        Assert.Equal(-1, RankCorrelation.SpearmanRho(Ordered, y), 12);
    }

    [Fact]
    public void BothCoefficients_ConstantSample_AreUndefined()
    {
        double[] constant = [7, 7, 7, 7, 7];

        Assert.True(double.IsNaN(RankCorrelation.KendallTauB(Ordered, constant)));
        Assert.True(double.IsNaN(RankCorrelation.SpearmanRho(constant, Ordered)));
    }

    [Fact]
    public void BothCoefficients_UnpairedSamples_ThrowNamingTheLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => RankCorrelation.KendallTauB(Ordered, [1, 2]));
        Assert.Contains("x has 5 values, y 2", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RankCorrelation.SpearmanRho([1, 2], Ordered));
    }

    [Fact]
    public void BothCoefficients_FewerThanTwoPairsOrNotFinite_Throw()
    {
        Assert.Throws<ArgumentException>(() => RankCorrelation.KendallTauB([1], [1]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.SpearmanRho([1, double.NaN, 3], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.KendallTauB([1, 2, 3], [1, double.PositiveInfinity, 3]));
    }
}
