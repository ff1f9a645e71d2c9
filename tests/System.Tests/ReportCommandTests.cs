using System.Text.Json;

namespace NasOrleans.System.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-report-" + Guid.NewGuid().ToString("N"));

    public ReportCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> RunStudyAsync()
    {
        var spec = Path.Combine(_directory, "nb.yaml");
        await File.WriteAllTextAsync(spec, """
            name: nb-report
            objective: { metric: validation_accuracy, goal: maximize }
            constraints: [{ metric: latency_ms, max: 12 }]
            space: { kind: nb201 }
            algorithm: { name: random, seed: 3 }
            trainer: { kind: nb201-replay, parameters: { dataset: cifar10 } }
            budget: { max_trials: 20, parallel_trials: 2 }
            """);
        var data = Path.Combine(_directory, "data");
        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "run", spec, "--data-dir", data);
        Assert.True(code == 0, output);
        return data;
    }

    [Fact]
    public async Task Report_CompletedNb201Study_WritesBestSoFarAndOneCostPlotPerCostMetric()
    {
        var data = await RunStudyAsync();
        var outDir = Path.Combine(_directory, "plots");

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "nb-report", "--out", outDir, "--json", "--data-dir", data);

        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString()!)).ToList();
        Assert.Equal(["best-so-far.png", "validation_accuracy-vs-latency_ms.png", "validation_accuracy-vs-params.png", "validation_accuracy-vs-flops.png"], files);
        Assert.Equal(20, json.RootElement.GetProperty("trials").GetInt32());
        files.ForEach(f => PlotImage.AssertPlot(Path.Combine(outDir, f)));
    }

    [Fact]
    public async Task Report_UnknownStudy_ExitsWithNotFoundAndNamesTheStudy()
    {
        var data = await RunStudyAsync();

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "no-such-study", "--out", Path.Combine(_directory, "plots"), "--data-dir", data);

        Assert.Equal(4, code);
        Assert.Contains("no-such-study", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OutUnderAFile_ExitsWithInvalidInputBeforeReadingTheStudy()
    {
        var file = Path.Combine(_directory, "a-file");
        await File.WriteAllTextAsync(file, "x");

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "--out", Path.Combine(file, "plots"), "--data-dir", Path.Combine(_directory, "data"));

        Assert.Equal(2, code);
        Assert.Contains("--out", output, StringComparison.Ordinal);
    }
}
