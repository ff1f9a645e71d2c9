using System.Net.Http.Json;
using System.Text.Json;

namespace NasOrleans.System.Tests;

/// <summary>The study commands with <c>--server URL</c> against a real <c>nas serve</c>, and <c>nas bench asktell</c>.</summary>
public sealed class ServerOptionTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    [Fact]
    public async Task Submit_ListExtend_OverServer_ActOnTheServiceWithTheKeyFromTheEnvironment()
    {
        var spec = WriteSpec("cli-remote", 2);
        var key = new Dictionary<string, string> { ["NAS_API_KEY"] = serve.AdminKey };

        var (code, stdout, stderr) = await NasProcess.RunApartAsync(TimeSpan.FromSeconds(60), key, "submit", spec, "--server", serve.Url);
        Assert.True(code == 0, stderr);
        (code, stdout, stderr) = await NasProcess.RunApartAsync(TimeSpan.FromSeconds(60), key, "list", "--server", serve.Url, "--json");
        Assert.True(code == 0, stderr);
        Assert.Contains("cli-remote", stdout, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri(serve.Url + "/") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", serve.AdminKey);
        for (var i = 0; i < 2; i++)
        {
            await TellOneAsync(http, "cli-remote");
        }

        (code, stdout, stderr) = await NasProcess.RunApartAsync(TimeSpan.FromSeconds(60), key, "extend", "cli-remote", "--trials", "3", "--server", serve.Url, "--json");

        Assert.True(code == 0, stderr);
        using var extended = JsonDocument.Parse(stdout);
        Assert.Equal(5, extended.RootElement.GetProperty("max_trials").GetInt32());
        Assert.Equal("running", extended.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_OverServerWithoutKey_ExitsOneAndSays401AndWhereTheKeyGoes()
    {
        var none = new Dictionary<string, string> { ["NAS_API_KEY"] = "" };

        var (code, _, stderr) = await NasProcess.RunApartAsync(TimeSpan.FromSeconds(60), none, "list", "--server", serve.Url);

        Assert.Equal(1, code);
        Assert.Contains("401", stderr, StringComparison.Ordinal);
        Assert.Contains("NAS_API_KEY", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OverServerWithKeyFile_Works()
    {
        var none = new Dictionary<string, string> { ["NAS_API_KEY"] = "" };

        var (code, _, stderr) = await NasProcess.RunApartAsync(TimeSpan.FromSeconds(60), none, "list", "--server", serve.Url, "--api-key-file", serve.AdminKeyFile);

        Assert.True(code == 0, stderr);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task BenchAskTell_Transport_PrintsRatesAndLatenciesPerWorkerCount(string transport)
    {
        var key = new Dictionary<string, string> { ["NAS_API_KEY"] = serve.AdminKey };

        var (code, stdout, stderr) = await NasProcess.RunApartAsync(TimeSpan.FromSeconds(120), key,
            "bench", "asktell", "--server", serve.Url, "--transport", transport, "--workers", "1,4", "--trials", "40", "--in-process-trials", "0", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([1, 4], results.Select(r => r.GetProperty("workers").GetInt32()));
        Assert.All(results, r => Assert.True(r.GetProperty("trials_per_second").GetDouble() > 0));
        Assert.All(results, r => Assert.True(r.GetProperty("complete_p99_ms").GetDouble() >= r.GetProperty("complete_p50_ms").GetDouble()));
        Assert.Equal(transport, json.RootElement.GetProperty("transport").GetString());
    }

    [Fact]
    public async Task BenchAskTell_GrpcWithoutKey_ExitsOneSayingUnauthenticated()
    {
        var none = new Dictionary<string, string> { ["NAS_API_KEY"] = "" };

        var (code, _, stderr) = await NasProcess.RunApartAsync(TimeSpan.FromSeconds(60), none,
            "bench", "asktell", "--server", serve.Url, "--transport", "grpc", "--workers", "1", "--trials", "1", "--in-process-trials", "0");

        Assert.Equal(1, code);
        Assert.Contains("Unauthenticated", stderr, StringComparison.Ordinal);
    }

    private static async Task TellOneAsync(HttpClient http, string study)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var suggested = await http.PostAsJsonAsync($"v1/studies/{study}/trials:suggest", new { count = 1, clientId = "cli-test" });
            suggested.EnsureSuccessStatusCode();
            using var reply = JsonDocument.Parse(await suggested.Content.ReadAsStringAsync());
            if (reply.RootElement.TryGetProperty("trials", out var trials) && trials.GetArrayLength() > 0)
            {
                var trial = trials[0];
                using var told = await http.PostAsJsonAsync(
                    $"v1/studies/{study}/trials/{trial.GetProperty("trialId").GetRawText().Trim('"')}:complete",
                    new { leaseId = trial.GetProperty("leaseId").GetString(), metrics = new Dictionary<string, double> { ["accuracy"] = 0.5 } });
                told.EnsureSuccessStatusCode();
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"study {study} handed out no trial");
    }

    private string WriteSpec(string name, int trials)
    {
        var path = Path.Combine(serve.Directory, name + ".yaml");
        File.WriteAllText(path, $$"""
            name: {{name}}
            objective: { metric: accuracy, goal: maximize }
            space: { kind: custom, decisions: [ { name: C, type: float, min: 0.01, max: 100, log: true } ] }
            algorithm: { name: random, seed: 1 }
            trainer: { kind: external }
            budget: { max_trials: {{trials}}, parallel_trials: 2 }
            """);
        return path;
    }
}
