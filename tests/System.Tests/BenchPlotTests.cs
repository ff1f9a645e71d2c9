using System.Text.Json;

namespace NasOrleans.System.Tests;

public sealed class BenchPlotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-bench-plot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task BenchNb201_TwoAlgorithmsWithPlot_PrintsBothAndWritesTheBestSoFarPng()
    {
        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "bench", "nb201", "--algorithm", "random,evolution", "--budget", "20", "--runs", "5", "--plot", _directory);

        Assert.True(code == 0, output);
        Assert.Contains("cifar10, random, budget 20, 5 runs", output, StringComparison.Ordinal);
        Assert.Contains("cifar10, evolution, budget 20, 5 runs", output, StringComparison.Ordinal);
        PlotImage.AssertPlot(Path.Combine(_directory, "best-so-far.png"));
    }

    [Fact]
    public async Task BenchNb201_ConstraintWithPlotAndJson_KeepsStdoutJsonAndWritesTheCostPlot()
    {
        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "bench", "nb201", "--algorithm", "random,local-search", "--budget", "20", "--runs", "5", "--constraint", "lat_pixel3:max=10", "--plot", _directory, "--json");

        Assert.True(code == 0, output);
        var json = output[output.IndexOf('[', StringComparison.Ordinal)..(output.LastIndexOf(']') + 1)];
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(["random", "local-search"], parsed.RootElement.EnumerateArray().Select(e => e.GetProperty("algorithm").GetString()));
        PlotImage.AssertPlot(Path.Combine(_directory, "best-so-far.png"));
        PlotImage.AssertPlot(Path.Combine(_directory, "accuracy-vs-lat_pixel3.png"));
    }

    [Fact]
    public async Task BenchNb201_UnknownAlgorithmInTheList_ExitsWith2AndNamesIt()
    {
        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "bench", "nb201", "--algorithm", "random,nope", "--budget", "5", "--runs", "1");

        Assert.Equal(2, code);
        Assert.Contains("'nope'", output, StringComparison.Ordinal);
    }
}
