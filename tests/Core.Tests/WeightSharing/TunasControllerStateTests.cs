using NasOrleans.Core.WeightSharing;
using static NasOrleans.Core.Tests.WeightSharing.TunasControllerTestSpaces;

namespace NasOrleans.Core.Tests.WeightSharing;

public class TunasControllerStateTests
{
    private static readonly TunasOptions Options = new() { LearningRate = 0.05, EntropyWeight = 0.01 };

    [Fact]
    public void RestoreState_SnapshotAfter25Of50Updates_ContinuesBitForBit()
    {
        var uninterrupted = new TunasController(Toy, Options, 11);
        Drive(uninterrupted, 50, 6, ToyReward);

        var first = new TunasController(Toy, Options, 11);
        Drive(first, 25, 6, ToyReward);
        var restored = new TunasController(Toy, Options, 999);
        restored.RestoreState(first.SaveState());
        Drive(restored, 25, 6, ToyReward);

        Assert.Equal(uninterrupted.Logits, restored.Logits);
        Assert.Equal(uninterrupted.Baseline, restored.Baseline);
        Assert.Equal(uninterrupted.SaveState(), restored.SaveState());
        Assert.Equal((50, 300L), (restored.Updates, restored.RewardsReceived));
    }

    [Fact]
    public void RestoreState_WithOutstandingSamplesOfInactiveDecisions_RewardsThemAfterRestore()
    {
        var first = new TunasController(Mixed, Options, 4);
        var samples = first.Sample(12);
        Assert.Contains(samples, s => double.IsNaN(s.Architecture[1]));

        var restored = new TunasController(Mixed, Options, 5);
        restored.RestoreState(first.SaveState());
        Assert.Equal(12, restored.Outstanding);
        var rewards = samples.Select(s => new TunasReward(s.Id, s.Architecture[2])).ToArray();
        Assert.Equal(12, restored.Update(rewards).Applied);
        Assert.Equal(12, first.Update(rewards).Applied);
        Assert.Equal(first.Logits, restored.Logits);
        Assert.Equal(first.Sample(5).Select(s => s.Architecture.Key), restored.Sample(5).Select(s => s.Architecture.Key));
    }

    [Fact]
    public void RestoreState_ThenResentRewards_AreRejected()
    {
        var c = new TunasController(Toy, Options, 1);
        var s = c.Sample(4);
        TunasReward[] rewards = [.. s.Select(x => new TunasReward(x.Id, ToyReward(x.Architecture)))];
        c.Update(rewards);

        var resumed = new TunasController(Toy, Options, 1);
        resumed.RestoreState(c.SaveState());
        Assert.Equal(4, resumed.Update(rewards).Duplicate);
        Assert.Equal(c.Logits, resumed.Logits);
        Assert.Equal((1, 4L, 4L), (resumed.Updates, resumed.RewardsReceived, resumed.RewardsRejected));
    }

    [Fact]
    public void RestoreState_OtherSpace_Throws()
    {
        var c = new TunasController(Toy, Options, 1);
        Assert.Throws<ArgumentException>(() => new TunasController(Mixed, Options, 1).RestoreState(c.SaveState()));
    }
}
