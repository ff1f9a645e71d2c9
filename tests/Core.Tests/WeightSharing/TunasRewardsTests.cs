using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Core.Tests.WeightSharing;

public class TunasRewardsTests
{
    [Fact]
    public void Absolute_AtTheTarget_IsTheAccuracy() =>
        Assert.Equal(0.8, TunasRewards.Absolute(0.8, 84, 84));

    [Fact]
    public void Absolute_HalfOffTheTarget_SubtractsHalfOfBeta() =>
        Assert.Equal(0.625, TunasRewards.Absolute(0.75, 50, 100, -0.25));

    [Fact]
    public void Absolute_AboveOrBelowByTheSameRatio_GivesTheSameReward() =>
        Assert.Equal(TunasRewards.Absolute(0.75, 42, 84), TunasRewards.Absolute(0.75, 126, 84));

    [Fact]
    public void Absolute_DefaultBeta_IsMinusOneTenth()
    {
        Assert.Equal(-0.10, TunasRewards.DefaultBeta);
        Assert.Equal(0.75 + (-0.1 * 0.5), TunasRewards.Absolute(0.75, 150, 100));
        Assert.Equal(0.7, TunasRewards.Absolute(0.75, 150, 100), 15);
    }

    [Fact]
    public void MnasSoft_AtTheTarget_IsTheAccuracy() =>
        Assert.Equal(0.8, TunasRewards.MnasSoft(0.8, 100, 100));

    [Fact]
    public void MnasSoft_ExponentMinusOne_DividesByTheRatio() =>
        Assert.Equal(0.25, TunasRewards.MnasSoft(0.5, 200, 100, -1));

    [Fact]
    public void MnasSoft_DefaultExponent_IsMinusSevenHundredths()
    {
        Assert.Equal(-0.07, TunasRewards.DefaultMnasExponent);
        Assert.Equal(0.75 * Math.Pow(2, -0.07), TunasRewards.MnasSoft(0.75, 200, 100));
        Assert.Equal(0.7144785, TunasRewards.MnasSoft(0.75, 200, 100), 7);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Absolute_TargetNotPositive_ThrowsNamingTarget(double target) =>
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => TunasRewards.Absolute(0.5, 1, target)).ParamName);

    [Fact]
    public void MnasSoft_CostNotFinite_ThrowsNamingCost() =>
        Assert.Equal("cost", Assert.Throws<ArgumentOutOfRangeException>(() => TunasRewards.MnasSoft(0.5, double.PositiveInfinity, 1)).ParamName);
}
