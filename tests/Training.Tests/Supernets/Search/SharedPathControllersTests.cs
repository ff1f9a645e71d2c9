using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Supernets.Search;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;

namespace NasOrleans.Training.Tests.Supernets.Search;

public class SharedPathControllersTests
{
    [Fact]
    public async Task SampleAsync_EveryDomain_GetsTheSamePathForAStep()
    {
        var controllers = new SharedPathControllers(Space, new TunasOptions(), 3, 10, 5);

        var paths = new List<IReadOnlyList<Core.Spaces.Architecture>>();
        for (var d = 0; d < 3; d++)
        {
            paths.Add(await controllers.SampleAsync(d, 0, 4, CancellationToken.None));
        }

        Assert.Equal(paths[0], paths[1]);
        Assert.Equal(paths[0], paths[2]);
    }

    [Fact]
    public async Task RewardAsync_AllDomainsRewardedAStep_UpdatesOnceWithTheirMeanReward()
    {
        var shared = new SharedPathControllers(Space, new TunasOptions { LearningRate = 0.1 }, 2, 10, 5);
        var alone = new LocalSupernetControllers(Space, new TunasOptions { LearningRate = 0.1 }, 1, 10, 5);
        await shared.SampleAsync(0, 5, 2, CancellationToken.None);
        await shared.SampleAsync(1, 5, 2, CancellationToken.None);
        await alone.SampleAsync(0, 5, 2, CancellationToken.None);

        await shared.RewardAsync(0, [new StepReward(5, 0.2, 20, 1), new StepReward(6, 0.9, 90, 1)], CancellationToken.None);
        Assert.Equal(0, shared.Controller.Updates);
        await shared.RewardAsync(1, [new StepReward(5, 0.6, 60, 1), new StepReward(6, 0.5, 50, 1)], CancellationToken.None);
        await alone.RewardAsync(0, [new StepReward(5, 0.4, 40, 1), new StepReward(6, 0.7, 70, 1)], CancellationToken.None);

        // The first update only sets the baseline (advantage 0); the second moves the logits.
        Assert.Equal(2, shared.Controller.Updates);
        Assert.NotEqual(new TunasController(Space, new TunasOptions(), 5).Logits, shared.Controller.Logits);
        Assert.Equal(alone.Controllers[0].Logits, shared.Controller.Logits);
        Assert.Equal(alone.Controllers[0].Baseline, shared.Controller.Baseline);
    }

    [Fact]
    public async Task RewardAsync_StepRewardedTwice_AppliesItOnce()
    {
        var controllers = new LocalSupernetControllers(Space, new TunasOptions(), 1, 10, 5);
        await controllers.SampleAsync(0, 0, 2, CancellationToken.None);

        await controllers.RewardAsync(0, [new StepReward(0, 0.5, 50, 1), new StepReward(1, 0.5, 50, 1)], CancellationToken.None);
        await controllers.RewardAsync(0, [new StepReward(1, 0.9, 90, 1)], CancellationToken.None);

        Assert.Equal(2, controllers.Controllers[0].Updates);
        Assert.Equal(controllers.Controllers[0].Argmax(), (await controllers.PolicyAsync(0, CancellationToken.None)).Argmax);
    }
}
