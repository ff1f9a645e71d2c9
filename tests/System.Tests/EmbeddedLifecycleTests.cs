using System.Diagnostics;
using System.Text.Json;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Sqlite;

namespace NasOrleans.System.Tests;

public sealed class EmbeddedLifecycleTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-lifecycle-" + Guid.NewGuid().ToString("N"));

    public EmbeddedLifecycleTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteSpec(string name, int trials, int durationMs, string? holdFile = null)
    {
        var hold = holdFile is null ? string.Empty : $", hold_file: '{holdFile}'";
        var path = Path.Combine(_directory, name + ".yaml");
        File.WriteAllText(path, $$"""
            name: {{name}}
            objective: { metric: validation_accuracy }
            space:
              decisions:
                - { name: a, type: integer, min: 0, max: 99 }
                - { name: b, type: integer, min: 0, max: 99 }
            algorithm: { name: random, seed: 3 }
            trainer: { kind: synthetic, parameters: { duration_ms: {{durationMs}}{{hold}} } }
            budget: { max_trials: {{trials}}, parallel_trials: 2 }
            """);
        return path;
    }

    [Fact]
    public async Task Run_CtrlC_StopsCleanlyAndRunWithoutSpecResumes()
    {
        var spec = WriteSpec("interrupted", 40, durationMs: 100);
        var data = Path.Combine(_directory, "data");
        var store = new SqliteTrialStore(new SqliteStorageOptions { DataDirectory = data });
        using (var run = NasProcess.Start("run", spec, "--data-dir", data))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while ((await TryCountAsync(store, "interrupted")) < 5)
            {
                await Task.Delay(50, timeout.Token);
            }

            using (var kill = Process.Start("kill", ["-INT", run.Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.Equal(130, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        }

        Assert.Equal(StudyStatus.Running, (await store.GetStudyAsync("interrupted"))!.Status);

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(120), "run", "--data-dir", data);

        Assert.True(code == 0, output);
        var trials = await store.GetAllTrialsAsync("interrupted");
        Assert.Equal(40, trials.Count(t => t.SourceTrialId is null && t.Status == TrialStatus.Completed));
        Assert.DoesNotContain(trials, t => t.Status is TrialStatus.Pending or TrialStatus.Running);
    }

    [Fact]
    public async Task Submit_WithoutRunner_StoresStudyThatTheNextRunTrains()
    {
        var spec = WriteSpec("queued", 10, durationMs: 0);
        var data = Path.Combine(_directory, "queued");

        var (submitCode, submitOutput) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "submit", spec, "--data-dir", data);
        Assert.True(submitCode == 0, submitOutput);
        var (listCode, listOutput) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "list", "--json", "--data-dir", data);
        Assert.Equal(0, listCode);
        using (var list = JsonDocument.Parse(listOutput))
        {
            var study = list.RootElement.GetProperty("studies").EnumerateArray().Single();
            Assert.Equal("queued", study.GetProperty("study").GetString());
            Assert.Equal("running", study.GetProperty("status").GetString());
        }

        var (runCode, runOutput) = await NasProcess.RunAsync(TimeSpan.FromSeconds(90), "run", "--data-dir", data);
        Assert.True(runCode == 0, runOutput);

        var (deleteCode, deleteOutput) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "delete", "queued", "--data-dir", data);
        Assert.True(deleteCode == 0, deleteOutput);
        var (bestCode, _) = await NasProcess.RunAsync(TimeSpan.FromSeconds(60), "best", "queued", "--data-dir", data);
        Assert.Equal(4, bestCode);
    }

    [Fact]
    public async Task Watch_ClientKilledMidWatch_LeavesTheStudyAloneAndANewWatchFollowsItToTheEnd()
    {
        // The study cannot end while the hold file exists (its trials wait for it), so both watches meet it running
        // however slow the machine is; the test lets it finish once the second watch follows it.
        var hold = Path.Combine(_directory, "watched.hold");
        await File.WriteAllTextAsync(hold, "held");
        var spec = WriteSpec("watched", 60, durationMs: 50, holdFile: hold);
        var data = Path.Combine(_directory, "watched");
        var store = new SqliteTrialStore(new SqliteStorageOptions { DataDirectory = data });
        using var run = NasProcess.Start("run", spec, "--data-dir", data);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!File.Exists(Path.Combine(data, "runner.json")))
        {
            await Task.Delay(50, timeout.Token);
        }

        using var runner = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(data, "runner.json"), timeout.Token));
        var gateway = $"127.0.0.1:{runner.RootElement.GetProperty("GatewayPort").GetInt32()}";
        // The runner's gateway answers only holders of its cluster key (in the data directory, as an operator would give it).
        var key = new Dictionary<string, string> { ["NAS_CLUSTER_KEY_FILE"] = Path.Combine(data, "secrets", "cluster.key") };
        using (var watch = NasProcess.Start(key, "watch", "watched", "--gateway", gateway))
        {
            await WaitForOutputAsync(watch, "watched: running", timeout.Token);
            watch.Kill();
        }

        var afterKill = await TryCountAsync(store, "watched");
        using var second = NasProcess.Start(key, "watch", "watched", "--gateway", gateway, "--json");
        await WaitForOutputAsync(second, "watched: running", timeout.Token);
        File.Delete(hold);
        var code = await second.WaitAsync(TimeSpan.FromSeconds(90));
        var output = second.Output;

        Assert.True(code == 0, output);
        using var final = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.Equal("completed", final.RootElement.GetProperty("status").GetString());
        Assert.Equal(60, final.RootElement.GetProperty("completed").GetInt32());
        Assert.Equal(0, afterKill);
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    private static async Task WaitForOutputAsync(NasProcess process, string text, CancellationToken cancellationToken)
    {
        while (!process.Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited)
            {
                Assert.Fail($"nas exited before printing '{text}':\n{process.Output}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<int> TryCountAsync(SqliteTrialStore store, string study)
    {
        try
        {
            return (await store.GetAllTrialsAsync(study)).Count(t => t.Status == TrialStatus.Completed);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }
}
