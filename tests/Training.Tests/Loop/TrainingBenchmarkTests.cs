using NasOrleans.Core.Nb201;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Spaces;
using NasOrleans.Training.Trainers;

namespace NasOrleans.Training.Tests.Loop;

public class TrainingBenchmarkTests
{
    [Fact]
    public async Task RunAsync_TinyImageRun_MeasuresEveryModelAndMemory()
    {
        var options = new TrainingBenchmarkOptions
        {
            Space = SpaceCatalog.Create(new SpaceSpec("mlp", new Dictionary<string, string>(), [])),
            Data = TestSplits.Images(),
            BatchSize = 16,
            Threads = 1,
            TrainSamples = 32,
            InferSamples = 32,
            WarmupBatches = 1,
            MemoryTrials = [2, 3],
            MemoryTrialSamples = 16,
        };

        var report = await TrainingBenchmark.RunAsync(options, CancellationToken.None);

        Assert.Equal(
            ["mlp-small", "mlp-medium", "mlp-large", "loop-mlp-64-256-2", "baseline-mlp-64-256-2", "baseline-cnn-16-32"],
            report.Throughput.Select(r => r.Name));
        Assert.All(report.Throughput, r => Assert.True(r.TrainSamplesPerSecond > 0 && r.InferSamplesPerSecond > 0, r.ToString()));
        Assert.Equal((64 * 256) + 256 + (256 * 2) + 2, report.Throughput[^2].Params);
        Assert.Equal([2, 3], report.Memory.Select(m => m.Trials));
        Assert.All(report.Memory, m => Assert.True(m.PeakMemoryMb > 0 && m.ResidentMemoryMb > 0, m.ToString()));
    }

    [Fact]
    public void RunAsync_BadOptions_ThrowsListingThem()
    {
        var options = new TrainingBenchmarkOptions { Space = Nb201Space.Instance, Data = TestSplits.Images(), BatchSize = 0, MemoryTrials = [10, 5] };

        var error = Assert.Throws<ArgumentException>(() => { _ = TrainingBenchmark.RunAsync(options, CancellationToken.None); });

        Assert.Contains("batch_size", error.Message, StringComparison.Ordinal);
        Assert.Contains("memory_trials", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mlp", "layers=1 width_1=64", "layers=3 width_1=512 width_2=512 width_3=256")]
    [InlineData("mobile-cnn", "s1_block=dw_ibn s1_depth=1", "s4_width=128")]
    public void ReferenceArchitectures_BuiltInKind_AreTheDocumentedOnes(string kind, string small, string largePart)
    {
        var space = SpaceCatalog.Create(new SpaceSpec(kind, new Dictionary<string, string>(), []));

        var references = ReferenceArchitectures.Of(space);

        Assert.Equal([$"{kind}-small", $"{kind}-medium", $"{kind}-large"], references.Select(r => r.Name));
        Assert.StartsWith(small, space.Display(references[0].Architecture), StringComparison.Ordinal);
        Assert.Contains(largePart, space.Display(references[2].Architecture), StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceArchitectures_NarrowMlpSpace_TakesNearestWidthsAndAtMostItsLayers()
    {
        var space = SpaceCatalog.Create(new SpaceSpec("mlp", new Dictionary<string, string> { ["max_layers"] = "2", ["widths"] = "10,100" }, []));

        var large = ReferenceArchitectures.Of(space)[2].Architecture;

        Assert.Equal("layers=2 width_1=100 width_2=100", space.Display(large));
    }
}
