using NasOrleans.Core.WeightSharing;
using static NasOrleans.Core.Tests.WeightSharing.TunasControllerTestSpaces;

namespace NasOrleans.Core.Tests.WeightSharing;

public class TunasControllerRewardTests
{
    private static TunasController Create() => new(Toy, new TunasOptions { LearningRate = 0.05 }, 2);

    [Fact]
    public void Update_UnknownSampleId_RejectedNotApplied()
    {
        var c = Create();
        _ = c.Sample(2);
        var update = c.Update([new(2, 1), new(-1, 1), new(1000, 0)]);
        Assert.Equal((0, 3, false), (update.Applied, update.Unknown, update.Stepped));
        Assert.Equal((0, 0L, 3L), (c.Updates, c.RewardsReceived, c.RewardsRejected));
        Assert.All(c.Logits, l => Assert.Equal(0, l));
        Assert.Equal(2, c.Outstanding);
    }

    [Fact]
    public void Update_ResentRewards_RejectedAsDuplicatesAndNotReapplied()
    {
        var c = Create();
        var s = c.Sample(4);
        TunasReward[] rewards = [.. s.Select((x, i) => new TunasReward(x.Id, i))];
        c.Update(rewards);
        var (logits, baseline) = (c.Logits, c.Baseline);

        var resent = c.Update(rewards);
        Assert.Equal((0, 4), (resent.Applied, resent.Duplicate));
        Assert.Equal(logits, c.Logits);
        Assert.Equal(baseline, c.Baseline);
        Assert.Equal((1, 4L, 4L), (c.Updates, c.RewardsReceived, c.RewardsRejected));
    }

    [Fact]
    public void Update_SameIdTwiceInABatch_AppliesItOnce()
    {
        var c = Create();
        var s = c.Sample(2);
        var update = c.Update([new(s[0].Id, 1), new(s[0].Id, 1), new(s[1].Id, 0)]);
        Assert.Equal((2, 1), (update.Applied, update.Duplicate));
        Assert.Equal(0.5, update.MeanReward);
    }

    [Fact]
    public void Update_MixedBatch_AppliesOnlyTheOpenSamples()
    {
        var c = Create();
        var s = c.Sample(3);
        c.Update([new(s[0].Id, 1)]);
        var update = c.Update([new(s[0].Id, 5), new(s[1].Id, 0.25), new(s[2].Id, 0.75), new(99, 3)]);
        Assert.Equal((2, 1, 1), (update.Applied, update.Duplicate, update.Unknown));
        Assert.Equal(0.5, update.MeanReward);
        Assert.Equal(5, c.RewardsReceived + c.RewardsRejected);
    }

    [Fact]
    public void Update_NonFiniteReward_ClosesTheSampleWithoutLearning()
    {
        var c = Create();
        var s = c.Sample(1);
        var update = c.Update([new(s[0].Id, double.NaN)]);
        Assert.Equal((0, 1, false), (update.Applied, update.Invalid, update.Stepped));
        Assert.Equal(0, c.Outstanding);
        Assert.Equal(1, c.Update([new(s[0].Id, 1)]).Duplicate);
    }

    [Fact]
    public void Release_OpenSamples_ClosesThemSoLaterRewardsAreDuplicates()
    {
        var c = Create();
        var s = c.Sample(3);
        Assert.Equal(2, c.Release([s[0].Id, s[1].Id, 77]));
        Assert.Equal(1, c.Outstanding);
        Assert.Equal(1, c.Update([new(s[0].Id, 1)]).Duplicate);
    }

    [Fact]
    public void Updates_ManySteps_CountsMatchTheRewardsSent()
    {
        var c = Create();
        Drive(c, 30, 5, ToyReward);
        Assert.Equal((30, 150L, 0L), (c.Updates, c.RewardsReceived, c.RewardsRejected));
        Assert.Equal(0, c.Outstanding);
    }
}
