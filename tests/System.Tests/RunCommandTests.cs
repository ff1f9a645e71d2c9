using System.Diagnostics;
using Xunit.Abstractions;

namespace NasOrleans.System.Tests;

/// <summary>
/// Hostile and mistaken specs given to <c>nas run</c>: each is refused with exit 2 and a one-paragraph error before anything
/// is stored (the data directory is never created). The specs are written at test time into a temp folder.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-hostile-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public RunCommandTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_directory);
    }

    public static TheoryData<string, string> HostileSpecs => new()
    {
        { "alias-bomb", "limit max_bytes" },
        { "deep-30k", "limit max_depth" },
        { "ten-megabytes", "limit max_bytes" },
        { "values-over-limit", "limit max_categorical_values" },
        { "csv-missing", "/nonexistent" },
        { "idx-missing", "/no/a" },
        { "idx-malformed", "does not read as idx:" },
        { "csv-garbage", "not a finite number" },
        { "unknown-dataset", "unknown dataset 'imagenet-22k'" },
        { "mlp-width-100000", "at most 4096" },
        { "validation-size-too-large", "validation_size" },
        { "tabnas-without-cost", "searches under a cost limit" },
    };

    [Theory]
    [MemberData(nameof(HostileSpecs))]
    public async Task Run_HostileSpec_ExitsTwoAndStoresNothing(string name, string expected)
    {
        var spec = HostileSpecFiles.Write(_directory, name);
        var data = Path.Combine(_directory, "data-" + name);
        var watch = Stopwatch.StartNew();
        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(30), "run", spec, "--data-dir", data);
        _output.WriteLine($"{name}: exit {code} in {watch.Elapsed.TotalSeconds:F2} s");

        Assert.True(code == 2, $"exit {code}, output:\n{output}");
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data), "the data directory was created");
    }

    [Fact]
    public async Task Run_StorePostgresWithoutConnectionString_ExitsTwo()
    {
        var data = Path.Combine(_directory, "data-postgres");
        var spec = Path.Combine(NasProcess.RepositoryRoot, "examples", "nb201-random.yaml");
        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(30), "run", spec, "--store", "postgres", "--data-dir", data);

        Assert.True(code == 2, $"exit {code}, output:\n{output}");
        Assert.Contains("connection string", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TrialsLongerThanTrialTimeout_AreStoppedAndRecordedFailedWithTheReason()
    {
        var spec = Path.Combine(_directory, "timeout.yaml");
        await File.WriteAllTextAsync(spec, """
            name: timeout-embedded
            objective: {metric: validation_accuracy, goal: maximize}
            space: {kind: custom, decisions: [{name: a, type: integer, min: 1, max: 100}]}
            algorithm: {name: random, seed: 1}
            trainer: {kind: synthetic, parameters: {duration_ms: 60000}}
            budget: {max_trials: 2, parallel_trials: 2, trial_timeout: 1}
            """);
        var data = Path.Combine(_directory, "data-timeout");
        var started = global::System.Diagnostics.Stopwatch.StartNew();

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromSeconds(50), "run", spec, "--data-dir", data, "--slots", "2");

        // Without the timeout each trial would train for a minute, past this test's wait.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(50), output);
        Assert.True(code == 3, output); // the study failed: every trial timed out
        var store = new NasOrleans.Storage.Sqlite.SqliteTrialStore(new NasOrleans.Storage.Sqlite.SqliteStorageOptions { DataDirectory = data });
        var trials = await store.GetAllTrialsAsync("timeout-embedded");
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.StartsWith("trial_timeout: still training after 1 s", t.Error, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
