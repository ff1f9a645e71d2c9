using NasOrleans.Training.Supernets.MultiPath;
using NasOrleans.Training.Supernets.Search;
using static NasOrleans.Training.Tests.Supernets.Search.SupernetSearchSamples;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets.Search;

public class SupernetSearchJobCostScopeTests
{
    [Fact]
    public async Task RunAsync_ModelScope_EveryDomainsRewardCostIsTheStepsMultiPathModel()
    {
        var (controllers, _) = await RunAsync(SupernetCostScope.Model);

        Assert.NotEmpty(controllers.Rewards);
        var shared = 0;
        foreach (var step in controllers.Rewards.Select(r => r.Reward.Step).Distinct())
        {
            var paths = new[] { controllers.Given(0, step), controllers.Given(1, step) };
            using var model = new MultiPathModel(Space, Input, Classes, paths);
            var costs = controllers.Rewards.Where(r => r.Reward.Step == step).Select(r => r.Reward.Cost).ToArray();
            Assert.Equal(2, costs.Length);
            Assert.All(costs, c => Assert.Equal(model.UniqueParameters, c));
            using var supernet = Create(1);
            var separate = supernet.PathCost(paths[0], 0).Params + supernet.PathCost(paths[1], 1).Params;
            Assert.True(model.UniqueParameters < separate, $"step {step}: the model's {model.UniqueParameters} should count the shared stem and head once, below {separate}");
            shared++;
        }

        Assert.Equal(8, shared);
    }

    [Fact]
    public async Task RunAsync_PathScope_EachDomainsRewardCostIsItsOwnPath()
    {
        var (controllers, _) = await RunAsync(SupernetCostScope.Path);

        using var supernet = Create(1);
        Assert.NotEmpty(controllers.Rewards);
        Assert.All(controllers.Rewards, r => Assert.Equal(supernet.PathCost(controllers.Given(r.Domain, r.Reward.Step), r.Domain).Params, r.Reward.Cost));
    }

    [Fact]
    public async Task RunAsync_ModelScope_LeavesTorchsGeneratorAsThePathScopeDoes()
    {
        var (_, afterModel) = await RunAsync(SupernetCostScope.Model);
        var (_, afterPath) = await RunAsync(SupernetCostScope.Path);

        Assert.Equal(afterPath, afterModel);
    }

    private static async Task<(FakeSupernetControllers Controllers, float NextRandom)> RunAsync(SupernetCostScope scope)
    {
        var settings = Settings(totalSteps: 16) with { Schedule = new(RlDelayFraction: 0.5, OpWarmupFraction: 0.25), CostScope = scope };
        var controllers = new FakeSupernetControllers(Space, 2, settings.TotalSteps);
        using var supernet = Create(1);
        using var job = new SupernetSearchJob(supernet, Domains(), controllers.View(), new MemorySupernetCheckpoints(), settings);
        var result = await job.RunAsync(CancellationToken.None);
        Assert.Equal(SupernetSearchStatus.Completed, result.Status);
        using var next = rand(1);
        return (controllers, next.item<float>());
    }
}
