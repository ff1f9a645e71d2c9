using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Core.Tests.WeightSharing;

public sealed class TunasStrategyTests
{
    private static SearchSpace Space() => new("custom", [Decision.Categorical("a", ["x", "y", "z"]), Decision.Categorical("b", ["p", "q"])]);

    [Fact]
    public void Observe_RewardsAfterTheDelay_UpdateTheControllerOncePerStep()
    {
        var strategy = new TunasStrategy("tunas", Space(), new TunasOptions(), totalSteps: 8, seed: 3);
        var paths = Enumerable.Range(0, 8).Select(_ => strategy.Propose()).ToList();

        for (var step = 2; step < 8; step++)
        {
            strategy.Observe(paths[step], 50 + step);
        }

        Assert.Equal(6, strategy.Controller.Updates);
        Assert.Equal(6, strategy.Controller.RewardsReceived);
        Assert.Equal(0, strategy.Controller.Outstanding);
    }

    [Fact]
    public void Observe_ArchitectureNotProposed_IsIgnored()
    {
        var strategy = new TunasStrategy("tunas", Space(), new TunasOptions(), totalSteps: 8, seed: 3);
        var proposed = strategy.Propose();
        var other = Enumerable.Range(0, 50).Select(_ => Space().Sample(new NasOrleans.Core.Randomness.DeterministicRandom(9))).First(a => a.Key != proposed.Key);

        strategy.Observe(other, 1.0);

        Assert.Equal(0, strategy.Controller.Updates);
        Assert.Equal(1, strategy.Controller.Outstanding);
    }

    [Fact]
    public void RestoreState_MidSearch_ContinuesWithTheSameLogitsAndPaths()
    {
        var first = new TunasStrategy("tunas", Space(), new TunasOptions(), totalSteps: 20, seed: 5);
        var second = new TunasStrategy("tunas", Space(), new TunasOptions(), totalSteps: 20, seed: 99);
        var paths = Enumerable.Range(0, 10).Select(_ => first.Propose()).ToList();
        for (var step = 5; step < 8; step++)
        {
            first.Observe(paths[step], step);
        }

        second.RestoreState(first.SaveState());
        first.Observe(paths[8], 1.5);
        second.Observe(paths[8], 1.5);

        Assert.Equal(first.Controller.Logits, second.Controller.Logits);
        Assert.Equal(first.Propose().Key, second.Propose().Key);
        Assert.Equal(first.SaveState(), second.SaveState());
    }
}
