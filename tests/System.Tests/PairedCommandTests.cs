using System.Text.Json;

namespace NasOrleans.System.Tests;

/// <summary>
/// An environment-design study end to end on the embedded store: <c>nas run</c> of a tiny PAIRED study and a
/// domain-randomization one, then <c>nas show</c>, <c>nas report --compare</c>, <c>nas export</c> and <c>nas play</c>.
/// </summary>
public sealed class PairedCommandTests : IDisposable
{
    private const int Rounds = 4;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-paired-" + Guid.NewGuid().ToString("N"));

    public PairedCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Spec(string name, string algorithm) => $$"""
        name: {{name}}
        objective: { metric: heldout_solved_rate }
        space: { kind: gridworld, parameters: { size: mini } }
        algorithm: { name: {{algorithm}}, seed: 2, parameters: { envs: 4, rollout_steps: 50, epochs: 1, hidden: 16, eval_every: 2, eval_episodes: 4 } }
        trainer: { kind: paired, parameters: { threads: 1 } }
        budget: { max_trials: {{Rounds}} }
        """;

    [Fact]
    public async Task Run_PairedAndDomainRandomization_ShowReportExportAndPlayTheirProtagonists()
    {
        var data = Path.Combine(_directory, "data");
        foreach (var (name, algorithm) in new[] { ("tiny-paired", "paired"), ("tiny-dr", "domain-randomization") })
        {
            var spec = Path.Combine(_directory, name + ".yaml");
            await File.WriteAllTextAsync(spec, Spec(name, algorithm));
            var (ran, log) = await NasProcess.RunAsync(TimeSpan.FromMinutes(3), "run", spec, "--data-dir", data);
            Assert.True(ran == 0, log);
        }

        var (shown, show, showErr) = await NasProcess.RunApartAsync(TimeSpan.FromMinutes(1), "show", "tiny-paired", "--json", "--data-dir", data);
        Assert.True(shown == 0, showErr);
        using (var json = JsonDocument.Parse(show))
        {
            var agents = json.RootElement.GetProperty("agents");
            Assert.Equal(["adversary", "protagonist", "antagonist"], agents.EnumerateObject().Select(a => a.Name));
            Assert.All(agents.EnumerateObject(), a => Assert.Equal(Rounds, a.Value.GetProperty("updates").GetInt32()));
            Assert.Equal(Rounds, json.RootElement.GetProperty("study").GetProperty("completed").GetInt32());
        }

        var plots = Path.Combine(_directory, "plots");
        var (reported, report, reportErr) = await NasProcess.RunApartAsync(TimeSpan.FromMinutes(1), "report", "tiny-paired", "--compare", "tiny-dr", "--out", plots, "--json", "--data-dir", data);
        Assert.True(reported == 0, reportErr);
        using (var json = JsonDocument.Parse(report))
        {
            var studies = json.RootElement.GetProperty("studies").EnumerateArray().ToList();
            Assert.Equal(["paired", "domain-randomization"], studies.Select(s => s.GetProperty("algorithm").GetString()));
            Assert.All(studies, s => Assert.Equal(Rounds, s.GetProperty("rounds").GetInt32()));
            Assert.Equal(["Cluttered", "Empty", "FourRooms", "Maze", "TwoRooms"], studies[0].GetProperty("transfer").EnumerateObject().Select(t => t.Name).Order(StringComparer.Ordinal));
            var files = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
            Assert.Contains(files, f => Path.GetFileName(f) == "regret.png");
            Assert.Contains(files, f => Path.GetFileName(f) == "solvable-share.png");
            files.ForEach(f => PlotImage.AssertPlot(f));
        }

        var package = Path.Combine(_directory, "protagonist.zip");
        var (exported, exportLog) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "export", "tiny-paired", "--out", package, "--data-dir", data);
        Assert.True(exported == 0, exportLog);
        Assert.Contains("saved at round 4", exportLog, StringComparison.Ordinal);

        var png = Path.Combine(_directory, "maze.png");
        var (played, play, playErr) = await NasProcess.RunApartAsync(TimeSpan.FromMinutes(1), "play", "--package", package, "--level", "Maze", "--png", png, "--episodes", "5", "--json");
        Assert.True(played == 0, playErr);
        using (var json = JsonDocument.Parse(play))
        {
            Assert.Equal("Maze", json.RootElement.GetProperty("level").GetString());
            Assert.Equal(10, json.RootElement.GetProperty("shortest_path").GetInt32());
            Assert.InRange(json.RootElement.GetProperty("solved_rate").GetDouble(), 0, 1);
            Assert.True(json.RootElement.GetProperty("path").GetArrayLength() >= 1);
        }

        PlotImage.AssertPlot(png, 600, 600);
        var (unknown, unknownLog) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "play", "tiny-paired", "--level", "SixteenRooms", "--data-dir", data);
        Assert.Equal(2, unknown);
        Assert.Contains("SixteenRooms", unknownLog, StringComparison.Ordinal);
    }
}
