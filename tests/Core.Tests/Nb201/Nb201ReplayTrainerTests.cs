using NasOrleans.Core.Nb201;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Tests.Nb201;

public class Nb201ReplayTrainerTests
{
    private const string Cell1 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    [Fact]
    public async Task TrainAsync_Cifar10_ReportsTableColumnsAndCost()
    {
        var outcome = await Train(new Dictionary<string, string>(), Cell1);
        Assert.True(outcome.Succeeded, outcome.Error);
        var m = outcome.Metrics;
        Assert.Equal(82.834, m["validation_accuracy"], 6);
        Assert.Equal(93.66, m["test_accuracy"], 6);
        Assert.Equal(17.2381, m["latency_ms"], 6);
        Assert.Equal(17.2381, m["latency_pixel3_ms"], 6);
        Assert.Equal(5.31536, m["latency_fpga_ms"], 6);
        var cost = Nb201CostModel.Compute(Nb201Space.ParseArchString(Cell1), Nb201Dataset.Cifar10);
        Assert.Equal(cost.Params, m["params"]);
        Assert.Equal(cost.Flops, m["flops"]);
        Assert.Equal(Nb201ReplayTrainer.Metrics.Order(), m.Keys.Order());
    }

    [Theory]
    [InlineData("cifar100", "c100_valid_12ep", "c100_test_200ep")]
    [InlineData("imagenet16-120", "in16_valid_12ep", "in16_test_200ep")]
    public async Task TrainAsync_OtherDataset_UsesItsColumns(string dataset, string validation, string test)
    {
        var outcome = await Train(new Dictionary<string, string> { ["dataset"] = dataset, ["latency_device"] = "raspi4" }, Cell1);
        var row = Nb201TestData.Table.Find(Cell1)!;
        Assert.Equal(row.Value(validation), outcome.Metrics["validation_accuracy"]);
        Assert.Equal(row.Value(test), outcome.Metrics["test_accuracy"]);
        Assert.Equal(row.Value("lat_raspi4"), outcome.Metrics["latency_ms"]);
        Assert.Equal(Nb201CostModel.Compute(row.Architecture, Nb201Dataset.Get(dataset)).Params, outcome.Metrics["params"]);
    }

    [Fact]
    public void Create_MissingTable_NamesPathAndWaysToPointAtSharedData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.csv");
        var spec = new TrainerSpec(Nb201ReplayTrainer.KindName, new Dictionary<string, string> { ["table"] = path });
        var error = Assert.Throws<FileNotFoundException>(() =>
            TrainerCatalog.Default.Create(spec, Nb201Space.Instance, new TrainerEnvironment(null, TimeProvider.System)));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("--data", error.Message, StringComparison.Ordinal);
        Assert.Contains("NAS_SHARED_DIR", error.Message, StringComparison.Ordinal);
        Assert.Contains("../shared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoSharedFolder_SaysHowToSetIt()
    {
        var spec = new TrainerSpec(Nb201ReplayTrainer.KindName, new Dictionary<string, string>());
        var error = Assert.Throws<InvalidOperationException>(() =>
            TrainerCatalog.Default.Create(spec, Nb201Space.Instance, new TrainerEnvironment(null, TimeProvider.System)));
        Assert.Contains("NAS_SHARED_DIR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownDataset_Throws()
    {
        var spec = new TrainerSpec(Nb201ReplayTrainer.KindName, new Dictionary<string, string> { ["dataset"] = "mnist" });
        Assert.Throws<ArgumentException>(() =>
            TrainerCatalog.Default.Create(spec, Nb201Space.Instance, new TrainerEnvironment(Nb201TestData.SharedFolder, TimeProvider.System)));
    }

    [Fact]
    public void Table_TwoTrainers_ShareOneLoadedTable()
    {
        var a = new Nb201ReplayTrainer(Nb201TestData.TablePath, Nb201Dataset.Cifar10, "pixel3");
        var b = new Nb201ReplayTrainer(Nb201TestData.TablePath, Nb201Dataset.Cifar100, "fpga");
        Assert.Same(a.Table, b.Table);
    }

    [Fact]
    public void Descriptor_InDefaultCatalog_AcceptsOnlyNb201()
    {
        var descriptor = TrainerCatalog.Default.Find(Nb201ReplayTrainer.KindName);
        Assert.NotNull(descriptor);
        Assert.Equal([Nb201Space.KindName], descriptor.SpaceKinds);
        Assert.Contains("validation_accuracy", descriptor.Metrics);
        Assert.Contains("latency_titan_rtx_256_ms", descriptor.Metrics);
    }

    private static async Task<TrialOutcome> Train(Dictionary<string, string> parameters, string cell)
    {
        var environment = new TrainerEnvironment(Nb201TestData.SharedFolder, TimeProvider.System);
        var trainer = TrainerCatalog.Default.Create(new TrainerSpec(Nb201ReplayTrainer.KindName, parameters), Nb201Space.Instance, environment);
        var request = new TrainingRequest("study", 1, Nb201Space.Instance, Nb201Space.ParseArchString(cell));
        return await trainer.TrainAsync(request, new NoProgress(), CancellationToken.None);
    }

    private sealed class NoProgress : ITrainingProgress
    {
        public ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }
}
