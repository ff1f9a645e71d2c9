using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Sqlite;

namespace NasOrleans.System.Tests;

public sealed class EmbeddedRunTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-system-" + Guid.NewGuid().ToString("N"));

    public EmbeddedRunTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteSpec(string name, int trials, int durationMs, int parallel)
    {
        var path = Path.Combine(_directory, name + ".yaml");
        File.WriteAllText(path, $$"""
            name: {{name}}
            objective: { metric: validation_accuracy, goal: maximize }
            space:
              decisions:
                - { name: depth, type: integer, min: 1, max: 12 }
                - { name: width, type: categorical, values: [16, 32, 64, 128, 256] }
                - { name: act, type: categorical, values: [relu, gelu, swish] }
                - { name: lr, type: float, min: 0.0001, max: 0.1, log: true }
            algorithm: { name: evolution, seed: 5, parameters: { population_size: 8, sample_size: 3 } }
            trainer: { kind: synthetic, parameters: { duration_ms: {{durationMs}} } }
            budget: { max_trials: {{trials}}, parallel_trials: {{parallel}} }
            """);
        return path;
    }

    [Fact]
    public async Task Run_KilledMidStudyAndRestarted_FinishesWithExactlyItsBudget()
    {
        const int budget = 60;
        var spec = WriteSpec("killed", budget, durationMs: 100, parallel: 2);
        var data = Path.Combine(_directory, "data");
        var store = new SqliteTrialStore(new SqliteStorageOptions { DataDirectory = data });

        using (var first = NasProcess.Start("run", spec, "--data-dir", data, "--slots", "2"))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (await CompletedAsync(store) < budget / 4)
            {
                await Task.Delay(50, timeout.Token);
            }

            first.Kill();
        }

        var before = await CompletedAsync(store);
        Assert.InRange(before, budget / 4, budget - 1);

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(120), "run", spec, "--data-dir", data, "--slots", "2");
        Assert.True(code == 0, output);
        Assert.Contains("Best architecture of study killed", output, StringComparison.Ordinal);

        var trials = await store.GetAllTrialsAsync("killed");
        var trained = trials.Where(t => t.SourceTrialId is null).ToList();
        Assert.Equal(budget, trained.Count);
        Assert.All(trained, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.DoesNotContain(trials, t => t.Status is TrialStatus.Pending or TrialStatus.Running);
        Assert.Equal(trained.Count, trained.Select(t => t.CanonicalKey).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, trials.Count).Select(i => (long)i), trials.Select(t => t.TrialId).Order());
        var summary = await store.GetStudyAsync("killed");
        Assert.Equal(StudyStatus.Completed, summary!.Status);
        Assert.Equal(budget, summary.Completed + summary.Failed);
    }

    [Fact]
    public async Task Run_InvalidSpec_ExitsWithCode2AndNamesTheField()
    {
        var path = Path.Combine(_directory, "bad.yaml");
        await File.WriteAllTextAsync(path, "name: bad\nobjective: { metric: validation_accuracy }\nspace: { kind: nb201 }\nalgorithm: { name: evolution }\ntrainer: { kind: nb201-replay }\nbudget: { max_trials: -1 }\n");

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "run", path, "--data-dir", Path.Combine(_directory, "bad"));

        Assert.Equal(2, code);
        Assert.Contains("budget.max_trials", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "bad", "nas.db")));
    }

    [Fact]
    public async Task Best_Json_AfterRun_PrintsOneObjectWithTheBestTrial()
    {
        var spec = WriteSpec("json-best", 12, durationMs: 0, parallel: 4);
        var data = Path.Combine(_directory, "json");
        var (runCode, runOutput) = await NasProcess.RunAsync(TimeSpan.FromSeconds(90), "run", spec, "--data-dir", data);
        Assert.True(runCode == 0, runOutput);

        using var best = NasProcess.Start("best", "--json", "--data-dir", data);
        var code = await best.WaitAsync(TimeSpan.FromSeconds(60));
        using var document = global::System.Text.Json.JsonDocument.Parse(best.Output);

        Assert.Equal(0, code);
        Assert.Equal("json-best", document.RootElement.GetProperty("study").GetString());
        Assert.True(document.RootElement.GetProperty("trial").GetInt64() > 0);
        Assert.True(document.RootElement.GetProperty("metrics").GetProperty("validation_accuracy").GetDouble() > 50);
        Assert.Equal(4, document.RootElement.GetProperty("architecture").EnumerateObject().Count());
    }

    private static async Task<int> CompletedAsync(SqliteTrialStore store)
    {
        try
        {
            return (await store.GetAllTrialsAsync("killed")).Count(t => t.Status == TrialStatus.Completed && t.SourceTrialId is null);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }
}
