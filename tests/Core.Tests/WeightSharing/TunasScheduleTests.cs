using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Core.Tests.WeightSharing;

public class TunasScheduleTests
{
    private static readonly TunasSchedule Default = TunasSchedule.Default;

    [Fact]
    public void Default_IsTunasSchedule()
    {
        Assert.Equal(0.25, Default.RlDelayFraction);
        Assert.Equal(0.25, Default.OpWarmupFraction);
        Assert.True(Default.ExponentialLearningRate);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(24, false)]
    [InlineData(25, true)]
    [InlineData(99, true)]
    [InlineData(100, true)]
    public void Learns_DefaultOver100Steps_StartsAtStep25(long step, bool learns) =>
        Assert.Equal(learns, Default.Learns(step, 100));

    [Fact]
    public void DelaySteps_FractionalCount_IsTruncated()
    {
        Assert.Equal(2, Default.DelaySteps(10));
        Assert.Equal(25, Default.DelaySteps(101));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(10, 0.6)]
    [InlineData(20, 0.2)]
    [InlineData(24, 0.04)]
    [InlineData(25, 0.0)]
    [InlineData(100, 0.0)]
    public void OpWarmupProbability_DefaultOver100Steps_FallsLinearlyFromOneToZero(long step, double expected) =>
        Assert.Equal(expected, Default.OpWarmupProbability(step, 100), 12);

    [Fact]
    public void OpWarmupProbability_NoWarmup_IsZeroFromTheStart() =>
        Assert.Equal(0, (Default with { OpWarmupFraction = 0 }).OpWarmupProbability(0, 100));

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(49, 0.0)]
    [InlineData(50, 1.0)]
    [InlineData(200, 10.0)]
    public void LearningRateScale_Exponential_IsZeroThenGrowsTenfold(long step, double expected) =>
        Assert.Equal(expected, Default.LearningRateScale(step, 200), 12);

    [Fact]
    public void LearningRateScale_HalfwayAfterTheDelay_IsSqrtTen() =>
        Assert.Equal(Math.Sqrt(10), Default.LearningRateScale(125, 200), 12);

    [Fact]
    public void LearningRateScale_NotExponential_IsOneAfterTheDelay()
    {
        var flat = Default with { ExponentialLearningRate = false };
        Assert.Equal(0, flat.LearningRateScale(49, 200));
        Assert.Equal(1, flat.LearningRateScale(50, 200));
        Assert.Equal(1, flat.LearningRateScale(200, 200));
    }

    [Fact]
    public void Learns_NoDelay_LearnsFromStepZero() =>
        Assert.True(new TunasSchedule(0, 0).Learns(0, 10));

    [Fact]
    public void Validate_WarmupLongerThanDelay_ThrowsNamingOpWarmup()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TunasSchedule(0.1, 0.2).Validate());
        Assert.Equal("op_warmup_fraction", e.ParamName);
        Assert.Contains("rl_delay_fraction", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Validate_DelayOutsideUnitInterval_ThrowsNamingTheRange(double delay)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TunasSchedule(delay, 0).Validate());
        Assert.Equal("rl_delay_fraction", e.ParamName);
        Assert.Contains("[0, 1]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 100)]
    [InlineData(101, 100)]
    [InlineData(0, 0)]
    public void Learns_StepOutsideTheSearch_Throws(long step, long total) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Default.Learns(step, total));
}
