using System.Text.Json;
using NasOrleans.Client.Commands;

namespace NasOrleans.Client.Tests.Commands;

public sealed class TunasBenchCommandTests : IDisposable
{
    // Tiny: 16 search steps at batch 40 (640 samples) plus one 600-image training give a budget of two trainings.
    private static readonly TunasBenchSettings Tiny = new()
    {
        Steps = 16, Epochs = 1, Archs = 3, TrainSamples = 600, Batch = 40, Threads = 1, ValidationSize = 200, TestSamples = 500, Resamples = 200, Seed = 3,
    };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tunas-bench-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_TinyBench_WritesEveryPieceAndFiguresInRangeThenResumesWithoutRerunning()
    {
        var (summary, directory, pieces) = await TunasBenchCommand.RunAsync(Tiny, _directory, _ => { }, CancellationToken.None);

        var searches = Directory.GetFiles(directory, "search-*.json");
        var trainings = Directory.GetFiles(Path.Combine(directory, "standalone"), "*.json");
        Assert.Equal(TunasBenchVariant.All.Select(v => $"search-{v.Name}.json").Order(), searches.Select(Path.GetFileName).Order());
        Assert.Equal(["method-evolution.json", "method-random.json", "method-reinforce.json"], Directory.GetFiles(directory, "method-*.json").Select(Path.GetFileName).Order());
        Assert.InRange(trainings.Length, Tiny.Archs + 1, Tiny.Archs + 3 + 6);
        Assert.Equal(searches.Length + trainings.Length + 3, pieces.Run);
        Assert.Equal(0, pieces.Reused);
        PngFile.AssertPlot(Path.Combine(directory, "ranking.png"));
        PngFile.AssertPlot(Path.Combine(directory, "cost-targets.png"));
        Assert.Equal(summary, await File.ReadAllTextAsync(Path.Combine(directory, "summary.md")));
        AssertPiecesInRange(directory, trainings);
        AssertSummaryFiguresInRange(summary);

        var written = Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var (again, _, resumed) = await TunasBenchCommand.RunAsync(Tiny, _directory, _ => { }, CancellationToken.None);

        Assert.Equal(0, resumed.Run);
        Assert.Equal(pieces.Run, resumed.Reused);
        Assert.Equal(summary, again);
        Assert.All(written, w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(w.Key)));
    }

    [Theory]
    [InlineData("archs", "--archs must be 3 to 1000")]
    [InlineData("train-samples", "--train-samples must be 100 to 10000")]
    [InlineData("steps", "--steps must be 4 to 100000")]
    public async Task RunAsync_OptionOutOfRange_FailsNamingTheOptionBeforeWritingAnything(string option, string message)
    {
        var settings = option switch
        {
            "archs" => Tiny with { Archs = 1 },
            "train-samples" => Tiny with { TrainSamples = 20_000 },
            _ => Tiny with { Steps = 0 },
        };

        var error = await Assert.ThrowsAsync<CliException>(() => TunasBenchCommand.RunAsync(settings, _directory, _ => { }, CancellationToken.None));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.False(Directory.Exists(_directory));
    }

    private static void AssertPiecesInRange(string directory, string[] trainings)
    {
        foreach (var file in trainings)
        {
            using var training = JsonDocument.Parse(File.ReadAllText(file));
            Assert.InRange(training.RootElement.GetProperty("TestAccuracy").GetDouble(), 0, 100);
            Assert.InRange(training.RootElement.GetProperty("ValidationAccuracy").GetDouble(), 0, 100);
            Assert.Equal(Tiny.TrainSamples, training.RootElement.GetProperty("TrainingSamples").GetInt64());
        }

        using var main = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, $"search-{TunasBenchVariant.Main}.json")));
        Assert.Equal(Tiny.Steps * Tiny.Batch, main.RootElement.GetProperty("TrainingSamples").GetInt64());
        Assert.Equal(Tiny.Archs, main.RootElement.GetProperty("OneShot").GetArrayLength());
        Assert.All(main.RootElement.GetProperty("OneShot").EnumerateArray(), a => Assert.InRange(a.GetDouble(), 0, 100));
        var budget = (Tiny.Steps * Tiny.Batch) + Tiny.TrainSamples;
        foreach (var file in Directory.GetFiles(directory, "method-*.json"))
        {
            using var method = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(budget, method.RootElement.GetProperty("Budget").GetInt64());
            Assert.Equal(2 * Tiny.TrainSamples, method.RootElement.GetProperty("SamplesUsed").GetInt64());
            Assert.InRange(method.RootElement.GetProperty("BestTest").GetDouble(), 0, 100);
        }
    }

    private static void AssertSummaryFiguresInRange(string summary)
    {
        var rows = summary.Split('\n').Where(l => l.StartsWith("- Kendall tau", StringComparison.Ordinal) || l.StartsWith("- Spearman rho", StringComparison.Ordinal)
            || l.StartsWith("| TuNAS (abs reward", StringComparison.Ordinal) || l.StartsWith("| no ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, rows.Count);
        var intervals = rows.SelectMany(r => System.Text.RegularExpressions.Regex.Matches(r, @"(-?\d\.\d{3}) \[(-?\d\.\d{3}), (-?\d\.\d{3})\]")).ToList();
        Assert.Equal(8, intervals.Count);
        foreach (var match in intervals)
        {
            var (estimate, lower, upper) = (Value(match.Groups[1].Value), Value(match.Groups[2].Value), Value(match.Groups[3].Value));
            Assert.InRange(lower, -1, estimate);
            Assert.InRange(upper, estimate, 1);
        }

        Assert.Contains("random architectures are better than the argmax", summary, StringComparison.Ordinal);
        Assert.Contains("| abs | ", summary, StringComparison.Ordinal);
        Assert.Contains("| mnas | ", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", summary, StringComparison.Ordinal);
    }

    private static double Value(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
