using NasOrleans.Training.Supernets.MultiPath;
using NasOrleans.Training.Supernets.Search;
using static NasOrleans.Training.Tests.Supernets.Search.SupernetSearchSamples;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets.Search;

public class SupernetSearchJobCostScopeTests
{
    [Fact]
    public async Task RunAsync_ModelScope_DomainsRewardCostsAreTheirSharesOfTheStepsMultiPathModel()
    {
        var (controllers, _) = await RunAsync(SupernetCostScope.Model);

        Assert.NotEmpty(controllers.Rewards);
        using var supernet = Create(1);
        var steps = controllers.Rewards.Select(r => r.Reward.Step).Distinct().ToArray();
        foreach (var step in steps)
        {
            var paths = new[] { controllers.Given(0, step), controllers.Given(1, step) };
            using var model = new MultiPathModel(Space, Input, Classes, paths);
            var costs = controllers.Rewards.Where(r => r.Reward.Step == step).OrderBy(r => r.Domain).Select(r => r.Reward.Cost).ToArray();
            Assert.Equal(2, costs.Length);
            Assert.Equal(model.UniqueParameters, costs.Sum(), 6);
            for (var d = 0; d < 2; d++)
            {
                var own = supernet.PathCost(paths[d], d).Params;
                Assert.True(costs[d] < own, $"step {step}, domain {d}: its share {costs[d]} should be below its own path's {own} (the stem and head are shared)");
            }
        }

        Assert.Equal(8, steps.Length);
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
