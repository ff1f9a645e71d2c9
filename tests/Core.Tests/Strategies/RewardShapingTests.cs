using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class RewardShapingTests
{
    [Fact]
    public void Reward_None_IsTheScore() => Assert.Equal(0.7, RewardShaping.None.Reward(0.7, 123));

    [Fact]
    public void Reward_Mnas_ScalesByCostOverTargetToTheExponent() =>
        Assert.Equal(0.7 * Math.Pow(2, -0.07), new RewardShaping("mnas", 10, -0.07).Reward(0.7, 20), 12);

    [Fact]
    public void Reward_MnasHard_KeepsTheScoreUpToTheTargetAndScalesAboveIt()
    {
        var shaping = new RewardShaping("mnas-hard", 10, -1);
        Assert.Equal(0.7, shaping.Reward(0.7, 4), 12);
        Assert.Equal(0.7, shaping.Reward(0.7, 10), 12);
        Assert.Equal(0.35, shaping.Reward(0.7, 20), 12);
    }

    [Fact]
    public void Reward_Tunas_PenalizesDistanceFromTheTargetBothWays()
    {
        var shaping = new RewardShaping("tunas", 10, -0.5);
        Assert.Equal(0.7 - 0.25, shaping.Reward(0.7, 15), 12);
        Assert.Equal(0.7 - 0.25, shaping.Reward(0.7, 5), 12);
        Assert.Equal(0.7, shaping.Reward(0.7, 10), 12);
    }
}
