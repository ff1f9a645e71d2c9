using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Training.Data;
using NasOrleans.Training.Models;
using NasOrleans.Training.Supernets;
using NasOrleans.Training.Supernets.Search;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets.Search;

/// <summary>Fashion-MNIST (Debian's dataset-fashion-mnist, see scripts/setup.sh) and its inverted twin as two MPNAS domains.</summary>
public class SupernetSearchRealDataTests(ITestOutputHelper output)
{
    private static readonly DatasetRequest Defaults = new("fashion-mnist", ValidationSize: 500, SplitSeed: 1);

    [Fact]
    public void Load_DomainSpecWithMaxTrainSamples_CutsTheTrainingPartAndKeepsItsValidationSize()
    {
        var domain = SupernetSearchDomain.Load(new DomainSpec("inv", "inverted:fashion-mnist", ValidationSize: 300, MaxTrainSamples: 400), DatasetCatalog.Default, Defaults);

        Assert.Equal("inv", domain.Name);
        Assert.Equal(400, domain.Train.Count);
        Assert.Equal(300, domain.Validation.Count);
        Assert.Equal(new InputShape(1, 28, 28), domain.Train.Shape);
    }

    [Fact]
    public async Task RunAsync_FashionMnistAndInvertedDomains_LowersBothTrainingLosses()
    {
        DomainSpec[] specs = [new("plain", "fashion-mnist", MaxTrainSamples: 2000), new("inverted", "inverted:fashion-mnist", MaxTrainSamples: 2000)];
        var domains = specs.Select(s => SupernetSearchDomain.Load(s, DatasetCatalog.Default, Defaults)).ToArray();
        var space = SpaceCatalog.Create(new SpaceSpec("mobile-cnn", new Dictionary<string, string> { ["stages"] = "2", ["max_depth"] = "2", ["kernels"] = "3,5", ["expansions"] = "1,3", ["widths"] = "16,24" }, []));
        var settings = new SupernetSearchSettings { TotalSteps = 60, CheckpointEvery = 20, BatchSizes = [32, 32], LearningRate = 0.05, CostTarget = 2e4, Seed = 1, Device = "cpu" };
        manual_seed(1);
        using var supernet = new Supernet(space, domains[0].Train.Shape, [10, 10]);
        var controllers = new FakeSupernetControllers(space, 2, settings.TotalSteps);
        using var job = new SupernetSearchJob(supernet, domains, controllers.View(), new MemorySupernetCheckpoints(), settings);

        var result = await job.RunAsync(CancellationToken.None);

        Assert.Equal(SupernetSearchStatus.Completed, result.Status);
        foreach (var curve in result.Curves)
        {
            output.WriteLine($"{curve.Domain}: " + string.Join("; ", curve.Points.Select(p => $"step {p.Step} loss {p.TrainLoss:F3} val {p.ValidationAccuracy:F1}% reward {p.MeanReward:F3}")));
            Assert.True(curve.Points[^1].TrainLoss < curve.Points[0].TrainLoss, $"{curve.Domain}'s loss did not fall");
        }

        output.WriteLine($"{result.SamplesPerSecond:F0} training samples/s over {result.WallSeconds:F1} s; controller updates {controllers.Controllers[0].Updates}, {controllers.Controllers[1].Updates}");
    }
}
