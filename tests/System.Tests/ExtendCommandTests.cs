using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Sqlite;

namespace NasOrleans.System.Tests;

/// <summary><c>nas extend</c> on the embedded default, through the real executable.</summary>
public sealed class ExtendCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-extend-" + Guid.NewGuid().ToString("N"));

    public ExtendCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Extend_CompletedStudy_RunsTheExtraTrialsAndCompletesWithTheLargerBudget()
    {
        const int budget = 6;
        const int extra = 4;
        var spec = WriteSpec("grow", budget);
        var data = Path.Combine(_directory, "data");

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(120), "run", spec, "--data-dir", data, "--slots", "2");
        Assert.True(code == 0, output);
        var store = new SqliteTrialStore(new SqliteStorageOptions { DataDirectory = data });
        Assert.Equal(budget, (await store.GetAllTrialsAsync("grow")).Count(t => t.Status == TrialStatus.Completed));

        (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "extend", "grow", "--trials", extra.ToString(global::System.Globalization.CultureInfo.InvariantCulture), "--data-dir", data);
        Assert.True(code == 0, output);
        Assert.Contains("Extended study grow by 4 trials", output, StringComparison.Ordinal);
        Assert.Equal(StudyStatus.Running, (await store.GetStudyAsync("grow"))!.Status);

        (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(120), "run", "--data-dir", data, "--slots", "2");
        Assert.True(code == 0, output);

        var summary = await store.GetStudyAsync("grow");
        Assert.Equal(StudyStatus.Completed, summary!.Status);
        Assert.Equal(budget + extra, summary.MaxTrials);
        var trials = await store.GetAllTrialsAsync("grow");
        Assert.Equal(budget + extra, trials.Count(t => t.Status == TrialStatus.Completed));
        Assert.Equal(Enumerable.Range(1, trials.Count).Select(i => (long)i), trials.Select(t => t.TrialId).Order());
        Assert.Equal(trials.Count, (await store.GetCompletionsAsync("grow")).Count);
    }

    [Fact]
    public async Task Extend_CancelledStudy_ExitsTwoAndSaysWhy()
    {
        var spec = WriteSpec("stopped", 3);
        var data = Path.Combine(_directory, "data");
        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "submit", spec, "--data-dir", data);
        Assert.True(code == 0, output);
        (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "cancel", "stopped", "--data-dir", data);
        Assert.True(code == 0, output);

        (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "extend", "stopped", "--trials", "2", "--data-dir", data);

        Assert.Equal(2, code);
        Assert.Contains("cancelled", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extend_ZeroTrials_ExitsTwoNamingTheOption()
    {
        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "extend", "any", "--trials", "0", "--data-dir", Path.Combine(_directory, "none"));

        Assert.Equal(2, code);
        Assert.Contains("--trials must be at least 1", output, StringComparison.Ordinal);
    }

    private string WriteSpec(string name, int trials)
    {
        var path = Path.Combine(_directory, name + ".yaml");
        File.WriteAllText(path, $$"""
            name: {{name}}
            objective: { metric: validation_accuracy, goal: maximize }
            space:
              decisions:
                - { name: depth, type: integer, min: 1, max: 12 }
                - { name: width, type: categorical, values: [16, 32, 64, 128, 256] }
                - { name: lr, type: float, min: 0.0001, max: 0.1, log: true }
            algorithm: { name: random, seed: 3 }
            trainer: { kind: synthetic, parameters: { duration_ms: 20 } }
            budget: { max_trials: {{trials}}, parallel_trials: 2 }
            """);
        return path;
    }
}
