using NasOrleans.Core.Spaces;
using NasOrleans.Training.Supernets.MultiPath;
using NasOrleans.Training.Supernets.Search;
using NasOrleans.Training.Tests.Supernets.Search;
using static NasOrleans.Training.Tests.Models.ArchitectureSamples;
using static NasOrleans.Training.Tests.Supernets.Search.SupernetSearchSamples;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets.MultiPath;

public class MultiPathTrainingJobTests
{
    private static readonly Architecture[] Paths = [MobileOf(Space, "2 dw_ibn 3 3 16", "1 fused_ibn 5 1 9"), MobileOf(Space, "2 dw_ibn 3 3 16", "0")];

    [Fact]
    public async Task RunAsync_TwoDomains_LearnsAndReportsTestAccuracyAndPathCosts()
    {
        var domains = WithTest(Domains());
        using var model = Model(1);
        using var job = new MultiPathTrainingJob(model, domains, new MemorySupernetCheckpoints(), Settings(totalSteps: 40) with { CheckpointEvery = 10 });

        var result = await job.RunAsync(CancellationToken.None);

        Assert.Equal(SupernetSearchStatus.Completed, result.Status);
        Assert.Equal(4, result.Curves[0].Points.Count);
        for (var d = 0; d < 2; d++)
        {
            var curve = result.Curves[d].Points;
            Assert.True(curve[^1].TrainLoss < curve[0].TrainLoss, $"domain {d}: the loss did not fall ({curve[0].TrainLoss} -> {curve[^1].TrainLoss})");
            Assert.InRange(result.Domains[d].TestAccuracy, 100.0 / Classes[d] + 10, 100);
            Assert.Equal(model.PathCost(d), (result.Domains[d].PathParams, result.Domains[d].PathFlops));
        }

        Assert.Equal(model.UniqueParameters, result.UniqueParameters);
    }

    [Fact]
    public async Task RunAsync_ResumedAfterACheckpoint_EqualsUninterruptedRunBitForBit()
    {
        var domains = WithTest(Domains());
        var settings = Settings(totalSteps: 12);
        byte[] straight;
        MultiPathTrainingResult straightResult;
        using (var model = Model(1))
        using (var job = new MultiPathTrainingJob(model, domains, new MemorySupernetCheckpoints(), settings))
        {
            straightResult = await job.RunAsync(CancellationToken.None);
            straight = model.SaveWeights();
        }

        var store = new MemorySupernetCheckpoints();
        using (var model = Model(1))
        using (var job = new MultiPathTrainingJob(model, domains, store, settings, new RecordingProgress { StopAtStep = 8 }))
        {
            Assert.Equal(SupernetSearchStatus.Stopped, (await job.RunAsync(CancellationToken.None)).Status);
        }

        using var fresh = Model(77);
        using var resumedJob = new MultiPathTrainingJob(fresh, domains, store, settings);
        var resumed = await resumedJob.RunAsync(CancellationToken.None);

        Assert.Equal((8L, 4L), (resumed.ResumedFrom, resumed.StepsRun));
        Assert.Equal(straight, fresh.SaveWeights());
        Assert.Equal(straightResult.Domains, resumed.Domains);
    }

    [Fact]
    public void RunAsync_AbdpAgainstPlainSum_TrainsDifferentWeights()
    {
        var domains = WithTest(Domains());
        byte[] Train(bool abdp)
        {
            using var model = Model(1);
            using var job = new MultiPathTrainingJob(model, domains, new MemorySupernetCheckpoints(), Settings(totalSteps: 4) with { Abdp = abdp });
            job.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            return model.SaveWeights();
        }

        Assert.NotEqual(Train(abdp: true), Train(abdp: false));
    }

    [Fact]
    public async Task RunAsync_CheckpointOfOtherPaths_ThrowsInvalidData()
    {
        var domains = WithTest(Domains());
        var store = new MemorySupernetCheckpoints();
        using (var model = Model(1))
        using (var job = new MultiPathTrainingJob(model, domains, store, Settings(totalSteps: 4)))
        {
            await job.RunAsync(CancellationToken.None);
        }

        manual_seed(1);
        using var other = new MultiPathModel(Space, Input, Classes, [Paths[1], Paths[0]]);
        using var otherJob = new MultiPathTrainingJob(other, domains, store, Settings(totalSteps: 4));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => otherJob.RunAsync(CancellationToken.None));
        Assert.Contains("another model", error.Message, StringComparison.Ordinal);
    }

    private static MultiPathModel Model(long seed)
    {
        manual_seed(seed);
        return new MultiPathModel(Space, Input, Classes, Paths);
    }

    private static SupernetSearchDomain[] WithTest(SupernetSearchDomain[] domains) =>
        [.. domains.Select((d, i) => d with { Test = Part($"d{i}/test", Classes[i], 120, 30 + i) })];
}
