using System.Text.Json;

namespace NasOrleans.System.Tests;

/// <summary><c>nas show --policy</c> on the embedded default: the controller is read through a silo started for the call.</summary>
public sealed class ShowCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-show-" + Guid.NewGuid().ToString("N"));

    public ShowCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> RunStudyAsync(string name, string algorithm)
    {
        var spec = Path.Combine(_directory, name + ".yaml");
        await File.WriteAllTextAsync(spec, $$"""
            name: {{name}}
            objective: { metric: validation_accuracy, goal: maximize }
            constraints: [{ metric: latency_ms, max: 9 }]
            space: { kind: nb201 }
            algorithm: { name: {{algorithm}}, seed: 4 }
            trainer: { kind: nb201-replay, parameters: { latency_device: pixel3 } }
            budget: { max_trials: 30, parallel_trials: 3 }
            """);
        var data = Path.Combine(_directory, "data");
        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "run", spec, "--data-dir", data);
        Assert.True(code == 0, output);
        return data;
    }

    [Fact]
    public async Task Show_PolicyOfATabnasStudy_ReportsOneUpdatePerScoredTrialAndOnlyFeasibleTrials()
    {
        var data = await RunStudyAsync("tab", "tabnas");

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "show", "tab", "--policy", "--json", "--limit", "1000", "--data-dir", data);

        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var study = json.RootElement.GetProperty("study");
        var policy = json.RootElement.GetProperty("policy");
        Assert.Equal("tabnas", policy.GetProperty("algorithm").GetString());
        Assert.Equal(study.GetProperty("completed").GetInt32() + study.GetProperty("cached").GetInt32(), policy.GetProperty("updates").GetInt32());
        Assert.Equal(6, policy.GetProperty("decisions").GetArrayLength());
        var trained = json.RootElement.GetProperty("trials").EnumerateArray().Where(t => t.GetProperty("source_trial").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal(30, trained.Count);
        Assert.All(trained, t => Assert.True(t.GetProperty("metrics").GetProperty("latency_ms").GetDouble() <= 9));
    }

    [Fact]
    public async Task Show_PolicyOfAPopulationStudy_ExitsWithInvalidInputNamingTheControllers()
    {
        var data = await RunStudyAsync("evo", "evolution");

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "show", "evo", "--policy", "--data-dir", data);

        Assert.Equal(2, code);
        Assert.Contains("learns no policy; the controllers are reinforce, ppo, tabnas", output, StringComparison.Ordinal);
    }
}
