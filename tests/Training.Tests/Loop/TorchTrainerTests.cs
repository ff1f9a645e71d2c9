using NasOrleans.Core.Specs;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Tests.Data;
using NasOrleans.Training.Trainers;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Loop;

public sealed class TorchTrainerTests : IDisposable
{
    private static readonly SearchSpace Mlp =
        SpaceCatalog.Create(new SpaceSpec("mlp", new Dictionary<string, string> { ["max_layers"] = "2", ["widths"] = "8,16" }, []));

    private static readonly TrainerEnvironment Environment = new(null, TimeProvider.System);

    private readonly TempDirectory _dir = new();
    private readonly string _dataset;

    public TorchTrainerTests()
    {
        _dataset = "csv:" + DatasetCatalogTests.WriteTable(_dir, 120);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task TrainAsync_MlpOnCsv_SucceedsWithEveryMetric()
    {
        var trainer = Create(new() { ["epochs"] = "3", ["batch_size"] = "16", ["learning_rate"] = "0.02" });
        nn.Module<Tensor, Tensor>? saved = null;
        trainer.OnTrained = (_, module, outcome) =>
        {
            saved = module;
            Assert.True(outcome.Succeeded);
            return Task.CompletedTask;
        };
        var progress = new RecordingProgress();

        var outcome = await trainer.TrainAsync(Request(), progress, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.All(TorchTrainer.Metrics, m => Assert.True(outcome.Metrics.ContainsKey(m), $"missing {m}"));
        Assert.True(outcome.Metrics["validation_accuracy"] > 80, $"validation accuracy {outcome.Metrics["validation_accuracy"]}");
        Assert.Equal(3, outcome.Metrics["epochs"]);
        Assert.Equal((3 * 16) + 16 + (16 * 2) + 2, outcome.Metrics["params"]);
        Assert.Equal(3, progress.Reports.Count);
        Assert.NotNull(saved);
    }

    [Fact]
    public async Task TrainAsync_SameSeed_GivesSameValidationLoss()
    {
        var parameters = new Dictionary<string, string> { ["epochs"] = "1", ["batch_size"] = "16", ["seed"] = "5" };

        var first = await Create(parameters).TrainAsync(Request(), new RecordingProgress(), CancellationToken.None);
        var second = await Create(parameters).TrainAsync(Request(), new RecordingProgress(), CancellationToken.None);

        Assert.Equal(first.Metrics["validation_loss"], second.Metrics["validation_loss"]);
    }

    [Fact]
    public async Task TrainAsync_AbsurdLearningRate_FailsWithDivergenceReason()
    {
        var trainer = Create(new() { ["optimizer"] = "sgd", ["learning_rate"] = "1000000", ["lr_schedule"] = "constant" });

        var outcome = await trainer.TrainAsync(Request(), new RecordingProgress(), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("training diverged at epoch ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("lower learning_rate", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_StudyAnswersStop_SucceedsWithWhatItReached()
    {
        var trainer = Create(new() { ["epochs"] = "4" });
        var saved = false;
        trainer.OnTrained = (_, _, _) =>
        {
            saved = true;
            return Task.CompletedTask;
        };
        var progress = new RecordingProgress(stopAtStep: 1);

        var outcome = await trainer.TrainAsync(Request(), progress, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Single(progress.Reports);
        Assert.Equal(1, outcome.Metrics["epochs"]);
        Assert.Equal(1, outcome.Metrics["early_stopped"]);
        Assert.True(outcome.Metrics.ContainsKey("validation_accuracy"));
        Assert.True(saved);
    }

    [Fact]
    public async Task TrainAsync_ConvolutionalSpaceOnTabularData_FailsSayingWhy()
    {
        var space = SpaceCatalog.Create(new SpaceSpec("mobile-cnn", new Dictionary<string, string>(), []));
        var request = new TrainingRequest("study", 1, space, space.Sample(new Core.Randomness.DeterministicRandom(1)));

        var outcome = await Create([]).TrainAsync(request, new RecordingProgress(), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("needs images", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_CancelledToken_IsCancelled()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Create([]).TrainAsync(Request(), new RecordingProgress(), cancel.Token));
    }

    [Fact]
    public void Catalog_TorchKind_CreatesTrainerAndListsDataFiles()
    {
        var descriptor = TorchTrainers.Catalog.Find(TorchTrainer.KindName);
        var spec = new TrainerSpec(TorchTrainer.KindName, new Dictionary<string, string> { ["dataset"] = _dataset });

        Assert.NotNull(descriptor);
        Assert.NotNull(TorchTrainers.Catalog.Find("synthetic"));
        Assert.IsType<TorchTrainer>(TorchTrainers.Catalog.Create(spec, Mlp, Environment));
        Assert.Equal([_dataset[4..]], descriptor.DataFiles!(spec, Environment));
    }

    [Fact]
    public void Descriptor_Create_BadParametersThrowNamingThem()
    {
        var spec = new TrainerSpec(TorchTrainer.KindName, new Dictionary<string, string> { ["dataset"] = _dataset, ["optimizer"] = "rmsprop" });

        var error = Assert.Throws<ArgumentException>(() => TorchTrainer.Descriptor.Create(spec, Mlp, Environment));

        Assert.Contains("optimizer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_Create_WarmupLongerThanTrainingThrows()
    {
        var spec = new TrainerSpec(TorchTrainer.KindName, new Dictionary<string, string> { ["dataset"] = _dataset, ["warmup_epochs"] = "5" });

        var error = Assert.Throws<ArgumentException>(() => TorchTrainer.Descriptor.Create(spec, Mlp, Environment));

        Assert.Contains("warmup_epochs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_Create_MissingDatasetFileThrowsNamingIt()
    {
        var spec = new TrainerSpec(TorchTrainer.KindName, new Dictionary<string, string> { ["dataset"] = "csv:/nonexistent/nas/table.csv" });

        var error = Assert.Throws<FileNotFoundException>(() => TorchTrainer.Descriptor.Create(spec, Mlp, Environment));

        Assert.Contains("/nonexistent/nas/table.csv", error.Message, StringComparison.Ordinal);
    }

    private static TrainingRequest Request() =>
        new("study", 1, Mlp, Mlp.FromDescription(new Dictionary<string, string> { ["layers"] = "1", ["width_1"] = "16" }));

    private TorchTrainer Create(Dictionary<string, string> parameters)
    {
        parameters["dataset"] = _dataset;
        parameters.TryAdd("device", "cpu");
        parameters.TryAdd("threads", "1");
        return (TorchTrainer)TorchTrainer.Descriptor.Create(new TrainerSpec(TorchTrainer.KindName, parameters), Mlp, Environment);
    }
}
