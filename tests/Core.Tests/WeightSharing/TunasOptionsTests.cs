using NasOrleans.Core.Strategies;
using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Core.Tests.WeightSharing;

public class TunasOptionsTests
{
    [Fact]
    public void Defaults_AreTunasValues()
    {
        var o = new TunasOptions();
        Assert.Equal(0.0048, o.LearningRate);
        Assert.Equal(0.95, o.BaselineMomentum);
        Assert.Equal(0, o.AdamBeta1);
        Assert.Equal(0.999, o.AdamBeta2);
        Assert.Equal(1e-8, o.AdamEpsilon);
        Assert.Equal(0, o.EntropyWeight);
        Assert.Equal("abs", o.RewardKind);
        Assert.Equal(-0.10, o.CostExponent);
        Assert.Equal(TunasSchedule.Default, o.Schedule);
    }

    [Fact]
    public void From_DefaultParameters_EqualsDefaultOptions() =>
        Assert.Equal(new TunasOptions(), TunasOptions.From(new ResolvedParameters(TunasOptions.Parameters, null)));

    [Fact]
    public void From_GivenParameters_ReadsThem()
    {
        var o = TunasOptions.From(new ResolvedParameters(TunasOptions.Parameters, new Dictionary<string, string>
        {
            ["learning_rate"] = "0.01",
            ["reward"] = "mnas",
            ["cost_exponent"] = "-0.07",
            ["rl_delay_fraction"] = "0.5",
            ["exponential_lr"] = "false",
        }));
        Assert.Equal(0.01, o.LearningRate);
        Assert.Equal("mnas", o.RewardKind);
        Assert.Equal(new TunasSchedule(0.5, 0.25, false), o.Schedule);
    }

    [Theory]
    [InlineData("learning_rate")]
    [InlineData("baseline_momentum")]
    [InlineData("cost_exponent")]
    public void Validate_OutOfRange_ThrowsNamingTheParameterAndRange(string name)
    {
        var o = name switch
        {
            "learning_rate" => new TunasOptions { LearningRate = 0 },
            "baseline_momentum" => new TunasOptions { BaselineMomentum = 1 },
            _ => new TunasOptions { CostExponent = double.NaN },
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => o.Validate());
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"{name} must be in [", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownReward_ThrowsListingTheKinds()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TunasOptions { RewardKind = "hard" }.Validate());
        Assert.Equal("reward", e.ParamName);
        Assert.Contains("abs, mnas, none", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WarmupLongerThanDelay_Throws() =>
        Assert.Equal("op_warmup_fraction", Assert.Throws<ArgumentOutOfRangeException>(
            () => new TunasOptions { Schedule = new TunasSchedule(0.1, 0.3) }.Validate()).ParamName);

    [Fact]
    public void Reward_EachKind_UsesItsFormula()
    {
        var abs = new TunasOptions { CostTarget = 100, CostExponent = -0.25 };
        Assert.Equal(0.625, abs.Reward(0.75, 50));
        Assert.Equal(0.25, (abs with { RewardKind = "mnas", CostExponent = -1 }).Reward(0.5, 200));
        Assert.Equal(0.5, (abs with { RewardKind = "none" }).Reward(0.5, 1e9));
    }

    [Fact]
    public void Parameters_Defaults_PassTheirOwnChecks() =>
        Assert.All(TunasOptions.Parameters, p => Assert.Null(p.Check(p.Default)));
}
