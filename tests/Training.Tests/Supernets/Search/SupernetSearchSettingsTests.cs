using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Training.Tests.Supernets.Search;

public class SupernetSearchSettingsTests
{
    public static TheoryData<string, SupernetSearchSettings> OutOfRange => new()
    {
        { "total_steps", new() { TotalSteps = 0 } },
        { "checkpoint_every", new() { CheckpointEvery = 0 } },
        { "batch_size", new() { BatchSizes = [] } },
        { "batch_size[1]", new() { BatchSizes = [8, 0] } },
        { "learning_rate", new() { LearningRate = 0 } },
        { "learning_rate", new() { LearningRate = double.NaN } },
        { "weight_decay", new() { WeightDecay = -0.1 } },
        { "abdp_w", new() { AbdpW = 0 } },
        { "op_warmup_fraction", new() { Schedule = new TunasSchedule(RlDelayFraction: 0.1, OpWarmupFraction: 0.2) } },
        { "rl_delay_fraction", new() { Schedule = new TunasSchedule(RlDelayFraction: 1.5) } },
        { "reward", new() { RewardKind = "accuracy" } },
        { "reward_beta", new() { RewardBeta = 1000 } },
        { "cost_target", new() { CostTarget = 0 } },
        { "controller_sample_batch", new() { ControllerSampleBatch = 0 } },
        { "optimizer", new() { Optimizer = (NasOrleans.Training.Loop.OptimizerKind)42 } },
    };

    [Fact]
    public void Validate_Defaults_PassWithTunasSchedule()
    {
        var settings = new SupernetSearchSettings().Validate();

        Assert.Equal(0.25, settings.Schedule.RlDelayFraction);
        Assert.Equal(0.25, settings.Schedule.OpWarmupFraction);
        Assert.True(settings.Abdp);
        Assert.Equal(16, settings.ControllerSampleBatch);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_OutOfRange_ThrowsNamingTheParameter(string name, SupernetSearchSettings settings)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => settings.Validate());

        Assert.Equal(name, error.ParamName);
        Assert.Contains(name.Split('[')[0], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LearningRateAt_Cosine_DecaysFromPeakToZeroElseStaysConstant()
    {
        var settings = new SupernetSearchSettings { TotalSteps = 100, LearningRate = 0.1 };

        Assert.Equal(0.1, settings.LearningRateAt(0), 12);
        Assert.Equal(0.05, settings.LearningRateAt(50), 12);
        Assert.Equal(0.0, settings.LearningRateAt(100), 12);
        Assert.Equal(0.1, (settings with { CosineDecay = false }).LearningRateAt(50), 12);
    }

    [Fact]
    public void Reward_KindsOfTunas_MatchTunasRewards()
    {
        var settings = new SupernetSearchSettings { CostTarget = 1000, RewardBeta = -0.1 };

        Assert.Equal(TunasRewards.Absolute(0.8, 1500, 1000, -0.1), settings.Reward(0.8, 1500), 12);
        Assert.Equal(TunasRewards.MnasSoft(0.8, 1500, 1000, -0.1), (settings with { RewardKind = "mnas" }).Reward(0.8, 1500), 12);
        Assert.Equal(0.8, (settings with { RewardKind = "none" }).Reward(0.8, 1500), 12);
    }
}
