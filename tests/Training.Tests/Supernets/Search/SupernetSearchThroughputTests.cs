using System.Diagnostics;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Models;
using NasOrleans.Training.Supernets;
using NasOrleans.Training.Supernets.Search;
using TorchSharp;
using Xunit.Abstractions;
using static NasOrleans.Training.Tests.Supernets.Search.SupernetSearchSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets.Search;

public class SupernetSearchThroughputTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(3, 12, "9,16", 32, 40)]
    [InlineData(1, 28, "16,24,32", 64, 24)]
    public async Task RunAsync_SmallRun_ThroughputBesideSupernetAndStandaloneTrainingOfTheSamePaths(int channels, int size, string widths, int batch, int steps)
    {
        var space = SpaceCatalog.Create(new SpaceSpec("mobile-cnn", new Dictionary<string, string> { ["stages"] = "2", ["max_depth"] = "2", ["kernels"] = "3,5", ["expansions"] = "1,3", ["widths"] = widths }, []));
        var input = new InputShape(channels, size, size);
        var train = Images("train", input, 4 * batch, 1);
        var domain = new SupernetSearchDomain("d0", train, Images("validation", input, 4 * batch, 2));
        var settings = new SupernetSearchSettings { TotalSteps = steps, CheckpointEvery = steps, BatchSizes = [batch], LearningRate = 0.02, CostTarget = 5e4, Seed = 3, Device = "cpu" };
        var (noWarmup, paths) = await Search(space, input, domain, settings with { Schedule = new TunasSchedule(0.25, 0) });
        var (warmup, _) = await Search(space, input, domain, settings);

        // The same paths, one per step: trained through the supernet alone, and as stand-alone networks (extracted beforehand, untimed).
        manual_seed(5);
        using var supernet = new Supernet(space, input, [4]);
        supernet.train();
        var supernetOnly = Train(steps, batch, train, (x, step) => supernet.forward(x, paths[step], 0), [supernet.parameters()]);
        var standalones = paths.Select(p => supernet.ExtractStandalone(p, 0)).ToArray();
        var standaloneRate = Train(steps, batch, train, (x, step) => standalones[step].call(x), [.. standalones.Select(m => m.parameters())]);
        foreach (var model in standalones)
        {
            model.Dispose();
        }

        output.WriteLine($"input {channels}x{size}x{size}, widths {widths}, batch {batch}, {steps} steps, the job's sampled paths (training samples per second of wall time):");
        output.WriteLine($"  search job, no op warmup:   {noWarmup,9:F0}  (train step + 4x validation forward + reward + final checkpoint)");
        output.WriteLine($"  search job, op warmup 25%:  {warmup,9:F0}");
        output.WriteLine($"  supernet, same paths:       {supernetOnly,9:F0}  (forward+backward+SGD step only)");
        output.WriteLine($"  stand-alone, same paths:    {standaloneRate,9:F0}  (each step its path's extracted network and optimizer)");
        Assert.True(noWarmup > 0 && warmup > 0 && supernetOnly > 0 && standaloneRate > 0);
    }

    private static async Task<(double Rate, Architecture[] Paths)> Search(SearchSpace space, InputShape input, SupernetSearchDomain domain, SupernetSearchSettings settings)
    {
        manual_seed(5);
        using var supernet = new Supernet(space, input, [4]);
        var controllers = new FakeSupernetControllers(space, 1, settings.TotalSteps);
        using var job = new SupernetSearchJob(supernet, [domain], controllers.View(), new MemorySupernetCheckpoints(), settings);
        var result = await job.RunAsync(CancellationToken.None);
        Assert.Equal(SupernetSearchStatus.Completed, result.Status);
        return (result.SamplesPerSecond, [.. Enumerable.Range(0, (int)settings.TotalSteps).Select(s => controllers.Given(0, s))]);
    }

    private static double Train(int steps, int batch, NasOrleans.Training.Data.Dataset train, Func<Tensor, int, Tensor> forward, IEnumerable<TorchSharp.Modules.Parameter>[] parameters)
    {
        var optimizers = parameters.Select(p => optim.SGD(p, 0.02, momentum: 0.9, nesterov: true)).ToArray();
        var random = new DeterministicRandom(4);
        var clock = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            using var index = tensor(Enumerable.Range(0, batch).Select(_ => (long)random.NextInt(train.Count)).ToArray(), ScalarType.Int64);
            var optimizer = optimizers[step % optimizers.Length];
            optimizer.zero_grad();
            nn.functional.cross_entropy(forward(train.Features.index_select(0, index), step), train.Labels.index_select(0, index)).backward();
            optimizer.step();
        }

        var rate = steps * batch / clock.Elapsed.TotalSeconds;
        foreach (var optimizer in optimizers)
        {
            optimizer.Dispose();
        }

        return rate;
    }

    private static NasOrleans.Training.Data.Dataset Images(string name, InputShape input, int count, long seed)
    {
        manual_seed(seed);
        return new NasOrleans.Training.Data.Dataset(name, randn(count, input.Channels, input.Height, input.Width), randint(0, 4, [count], ScalarType.Int64), input, 4);
    }
}
