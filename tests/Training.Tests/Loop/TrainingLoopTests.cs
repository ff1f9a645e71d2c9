using NasOrleans.Training.Data;
using NasOrleans.Training.Loop;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Loop;

public class TrainingLoopTests
{
    private static readonly TrainingSettings Quick = new() { Epochs = 5, BatchSize = 16, LearningRate = 0.02, Threads = 1 };

    [Fact]
    public async Task RunAsync_SeparableBlobs_ReachesHighValidationAccuracy()
    {
        using var model = TestSplits.Mlp();
        var progress = new RecordingProgress();

        var result = await TrainingLoop.RunAsync(model, TestSplits.Blobs(), Quick, CPU, progress, CancellationToken.None);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(result.ValidationAccuracy > 90, $"validation accuracy {result.ValidationAccuracy}");
        Assert.NotNull(result.TestAccuracy);
        Assert.Equal(5, result.Epochs);
        Assert.True(result.TrainSamplesPerSecond > 0);
        Assert.Equal([1, 2, 3, 4, 5], progress.Reports.Select(r => r.Step));
        Assert.Equal(
            ["epoch", "learning_rate", "train_loss", "validation_accuracy", "validation_loss"],
            progress.Reports[0].Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.True(result.Curve[^1].TrainLoss < result.Curve[0].TrainLoss);
    }

    [Fact]
    public async Task RunAsync_Iris_ReachesEightyPercentWithinAFewEpochs()
    {
        var catalog = DatasetCatalog.Default;
        if (!File.Exists(catalog.Files(DatasetCatalog.Iris)[0]))
        {
            return; // scripts/setup.sh has not unpacked the sklearn CSV files here
        }

        using var model = TestSplits.Mlp();
        var settings = Quick with { Epochs = 10 };

        var result = await TrainingLoop.RunAsync(model, catalog.Load(new DatasetRequest(DatasetCatalog.Iris)), settings, CPU, new RecordingProgress(), CancellationToken.None);

        Assert.True(result.ValidationAccuracy > 80, $"validation accuracy {result.ValidationAccuracy}");
    }

    [Fact]
    public async Task RunAsync_SameSeed_GivesSameCurve()
    {
        var settings = Quick with { Epochs = 2, Seed = 3 };
        var split = TestSplits.Blobs();
        using var a = TestSplits.Mlp(seed: 9);
        using var b = TestSplits.Mlp(seed: 9);

        var first = await TrainingLoop.RunAsync(a, split, settings, CPU, new RecordingProgress(), CancellationToken.None);
        var second = await TrainingLoop.RunAsync(b, split, settings, CPU, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(first.Curve.Select(c => c.TrainLoss), second.Curve.Select(c => c.TrainLoss));
        Assert.Equal(first.ValidationLoss, second.ValidationLoss);
    }

    [Fact]
    public async Task RunAsync_AbsurdLearningRate_DivergesWithReason()
    {
        using var model = TestSplits.Mlp();
        var settings = Quick with { Optimizer = OptimizerKind.Sgd, LearningRate = 1e6, Schedule = LearningRateSchedule.Constant };

        var result = await TrainingLoop.RunAsync(model, TestSplits.Blobs(), settings, CPU, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.Matches(@"^training diverged at epoch \d+, batch \d+: loss .+; lower learning_rate \(was 1000000\)$", result.Reason);
        Assert.Null(result.TestAccuracy);
    }

    [Fact]
    public async Task RunAsync_ProgressAnswersStop_StopsAfterThatEpoch()
    {
        using var model = TestSplits.Mlp();
        var progress = new RecordingProgress(stopAtStep: 2);

        var result = await TrainingLoop.RunAsync(model, TestSplits.Blobs(), Quick, CPU, progress, CancellationToken.None);

        Assert.Equal(TrainingStatus.Stopped, result.Status);
        Assert.Equal(2, result.Epochs);
        Assert.Equal(2, progress.Reports.Count);
        Assert.Contains("stopped early after epoch 2 of 5", result.Reason, StringComparison.Ordinal);
        Assert.False(double.IsNaN(result.ValidationAccuracy));
        Assert.NotNull(result.TestAccuracy);
    }

    [Fact]
    public async Task RunAsync_StopAnsweredAfterLastEpoch_Completes()
    {
        using var model = TestSplits.Mlp();
        var progress = new RecordingProgress(stopAtStep: 5);

        var result = await TrainingLoop.RunAsync(model, TestSplits.Blobs(), Quick, CPU, progress, CancellationToken.None);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Null(result.Reason);
        Assert.Equal(5, result.Epochs);
    }

    [Fact]
    public async Task RunAsync_CancelledToken_Throws()
    {
        using var model = TestSplits.Mlp();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TrainingLoop.RunAsync(model, TestSplits.Blobs(), Quick, CPU, new RecordingProgress(), cancel.Token));
    }

    [Fact]
    public async Task RunAsync_InvalidSettings_ThrowsListingEveryProblem()
    {
        using var model = TestSplits.Mlp();
        var settings = Quick with { LearningRate = -1, Epochs = 0 };

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => TrainingLoop.RunAsync(model, TestSplits.Blobs(), settings, CPU, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("learning_rate", error.Message, StringComparison.Ordinal);
        Assert.Contains("epochs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MaxTrainSamples_TrainsOnThatMany()
    {
        using var model = TestSplits.Mlp();
        var settings = Quick with { Epochs = 1, MaxTrainSamples = 32, BatchSize = 8, Schedule = LearningRateSchedule.Constant };
        var split = TestSplits.Blobs();

        var result = await TrainingLoop.RunAsync(model, split, settings, CPU, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal(150, split.Train.Count);
    }

    [Fact]
    public async Task RunAsync_ImagesWithAugmentation_Completes()
    {
        using var model = TorchSharp.torch.nn.Sequential(
            TorchSharp.torch.nn.Conv2d(1, 4, 3, padding: 1), TorchSharp.torch.nn.ReLU(), TorchSharp.torch.nn.Flatten(), TorchSharp.torch.nn.Linear(256, 2));
        var settings = Quick with { Epochs = 2, Augmentation = Augmentation.Flip | Augmentation.Crop, WarmupEpochs = 1 };

        var result = await TrainingLoop.RunAsync(model, TestSplits.Images(), settings, CPU, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(result.ValidationAccuracy > 60, $"validation accuracy {result.ValidationAccuracy}");
    }
}
