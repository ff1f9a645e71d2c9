using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Data;
using NasOrleans.Training.Loop;
using NasOrleans.Training.Supernets.Search;
using NasOrleans.Training.Supernets.Tunas;
using NasOrleans.Training.Tests.Supernets.Search;
using NasOrleans.Training.Trainers;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;

namespace NasOrleans.Training.Tests.Supernets.Tunas;

public class TunasSearchRunnerTests
{
    private static SupernetSearchSettings Settings => SupernetSearchSamples.Settings(totalSteps: 12) with { BatchSizes = [8], Abdp = false };

    [Fact]
    public async Task RunAsync_TinyDomain_CompletesWithAnArgmaxOfTheSpaceAndCountsStepsTimesBatch()
    {
        var domain = SupernetSearchSamples.Domains()[0];

        using var run = await TunasSearchRunner.RunAsync(Space, domain, Settings, new TunasOptions { LearningRate = 0.1 }, CancellationToken.None);

        Assert.Equal(SupernetSearchStatus.Completed, run.Result.Status);
        Assert.Equal(12 * 8, run.TrainingSamples);
        Assert.Equal(Space.CanonicalKey(run.Policy.Argmax), Space.CanonicalKey(run.Controller.Argmax()));
        Assert.True(run.Policy.Updates > 0, "the controller learned after the RL delay");
        Assert.InRange(OneShotEvaluator.Accuracy(run.Supernet, run.Policy.Argmax, domain.Validation), 0, 100);
    }

    [Fact]
    public async Task RunAsync_TwoBatchSizes_ThrowsSayingTuNasHasOneDomain()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            TunasSearchRunner.RunAsync(Space, SupernetSearchSamples.Domains()[0], Settings with { BatchSizes = [8, 8] }, new TunasOptions(), CancellationToken.None));

        Assert.Contains("one batch size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneShotAccuracy_TwiceOnATrainedSupernet_IsTheSameAndLeavesEveryBufferAsItWas()
    {
        var domain = SupernetSearchSamples.Domains()[0];
        using var supernet = Create(5, domain.Train.Classes);
        var path = Space.Sample(new Core.Randomness.DeterministicRandom(2));
        Perturb(supernet, [path]);
        var before = supernet.buffers().Select(b => b.clone()).ToArray();

        var first = OneShotEvaluator.Accuracy(supernet, path, domain.Validation, batchSize: 32);
        var second = OneShotEvaluator.Accuracy(supernet, path, domain.Validation, batchSize: 32);

        Assert.Equal(first, second);
        Assert.InRange(first, 0, 100);
        Assert.False(supernet.training, "the supernet's mode is restored");
        Assert.All(supernet.buffers().Zip(before), p => Assert.True(p.First.eq(p.Second).all().item<bool>()));
    }

    [Fact]
    public async Task StandaloneTraining_TwoEpochsOnACappedTrainPart_CountsEpochsTimesTheCap()
    {
        var parts = SupernetSearchSamples.Domains(train: 120, validation: 40)[0];
        var test = SupernetSearchSamples.Part("d0/test", parts.Train.Classes, 40, 30);
        var split = new DatasetSplit("tiny", parts.Train, parts.Validation, test, []);
        var architecture = Space.Sample(new Core.Randomness.DeterministicRandom(4));

        var result = await StandaloneTraining.TrainAsync(Space, architecture, split, new TrainingSettings { Epochs = 2, MaxTrainSamples = 100, BatchSize = 20 }, CancellationToken.None);

        Assert.Equal(200, result.TrainingSamples);
        Assert.Equal(architecture.Key, result.Architecture);
        Assert.True(result.Succeeded);
        Assert.InRange(result.TestAccuracy, 0, 100);
        Assert.InRange(result.ValidationAccuracy, 0, 100);
        Assert.True(result.Params > 0 && result.Flops > 0);
    }
}
