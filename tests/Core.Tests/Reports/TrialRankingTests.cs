using NasOrleans.Core.Reports;

namespace NasOrleans.Core.Tests.Reports;

public class TrialRankingTests
{
    [Fact]
    public void Compare_HigherScore_RanksFirst() => Assert.True(TrialRanking.Compare(0.9, 5, 0.8, 1) < 0);

    [Fact]
    public void Compare_EqualScores_EarlierTrialRanksFirst()
    {
        Assert.True(TrialRanking.IsBetter(0.8, 1, 0.8, 2));
        Assert.False(TrialRanking.IsBetter(0.8, 2, 0.8, 1));
        Assert.Equal(0, TrialRanking.Compare(0.8, 2, 0.8, 2));
    }
}
