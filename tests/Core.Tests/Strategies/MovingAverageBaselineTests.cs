using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class MovingAverageBaselineTests
{
    [Fact]
    public void Value_AfterFirstReward_IsThatReward() =>
        Assert.Equal(80, new MovingAverageBaseline(0.95).Update(80).Value, 12);

    [Fact]
    public void Value_Empty_IsZero() => Assert.Equal(0, new MovingAverageBaseline(0.9).Value);

    [Fact]
    public void Value_TwoRewards_WeighsTheLatestByOneMinusDecay()
    {
        var b = new MovingAverageBaseline(0.9).Update(10).Update(20);
        // (0.9*0.1*10 + 0.1*20) / (0.9*0.1 + 0.1)
        Assert.Equal(((0.09 * 10) + 2) / 0.19, b.Value, 12);
    }
}
