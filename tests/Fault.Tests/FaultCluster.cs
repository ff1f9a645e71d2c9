using System.Globalization;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Postgres;
using Xunit.Abstractions;

namespace NasOrleans.Fault.Tests;

/// <summary>
/// One test's cluster: control and trainer silos as real processes (Redis clustering, Postgres store in the test's
/// own schema, its own cluster id and ports, all on 127.0.0.1), the <c>nas</c> client, and a trial store reading the
/// same schema. Every process started here is stopped by its pid on dispose.
/// </summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    private readonly ServersFixture _servers;
    private readonly ITestOutputHelper _log;
    private readonly List<ChildProcess> _silos = [];
    private readonly string _schema;
    private readonly string[] _extra;

    public FaultCluster(ServersFixture servers, ITestOutputHelper log, string name, params string[] extraSiloArguments)
    {
        _servers = servers;
        _log = log;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        ClusterId = $"fault-{name}-{suffix}";
        _schema = $"fault_{name.Replace('-', '_')}_{suffix}";
        _extra = extraSiloArguments;
        Directory = Path.Combine(Path.GetTempPath(), "nas-fault-" + ClusterId);
        System.IO.Directory.CreateDirectory(Directory);
        Store = new PostgresTrialStore(new PostgresStorageOptions { ConnectionString = servers.Postgres.ConnectionString, Schema = _schema });
    }

    public string ClusterId { get; }

    /// <summary>The PostgreSQL schema of this cluster's store.</summary>
    public string Schema => _schema;

    public string Directory { get; }

    public PostgresTrialStore Store { get; }

    private Dictionary<string, string> ClientEnvironment => new() { ["NAS_CLUSTER_ID"] = ClusterId, ["NAS_SERVICE_ID"] = ClusterId };

    private readonly List<(ChildProcess Silo, string Gateway)> _gateways = [];

    /// <summary>Starts a control silo (nas-silo) with a gateway and waits until it joined; returns it and its gateway.</summary>
    public async Task<(ChildProcess Silo, string Gateway)> StartControlAsync(string name)
    {
        var gateway = RedisServer.FreePort();
        var silo = await StartSiloAsync(name, ChildProcess.BuiltDll("Silo", "nas-silo.dll"), gateway, []);
        var endpoint = "127.0.0.1:" + gateway.ToString(CultureInfo.InvariantCulture);
        _gateways.Add((silo, endpoint));
        return (silo, endpoint);
    }

    /// <summary>Starts a trainer silo (nas-trainer) without a gateway and waits until it joined.</summary>
    public Task<ChildProcess> StartTrainerAsync(string name, params string[] trainerArguments) =>
        StartSiloAsync(name, ChildProcess.BuiltDll("TrainerHost", "nas-trainer.dll"), 0, trainerArguments);

    /// <summary>Writes a synthetic study spec and submits it with <c>nas submit --gateway</c>.</summary>
    public async Task SubmitAsync(string study, int trials, int parallel, int durationMs, string gateway, string algorithm = "random")
    {
        var spec = Path.Combine(Directory, study + ".yaml");
        await File.WriteAllTextAsync(spec, $$"""
            name: {{study}}
            objective: { metric: validation_accuracy }
            space:
              decisions:
                - { name: a, type: integer, min: 0, max: 999 }
                - { name: b, type: integer, min: 0, max: 999 }
            algorithm: { name: {{algorithm}}, seed: 5 }
            trainer: { kind: synthetic, parameters: { duration_ms: {{durationMs}} } }
            budget: { max_trials: {{trials}}, parallel_trials: {{parallel}} }
            """);
        await SubmitFileAsync(spec, gateway);
    }

    /// <summary>Writes <paramref name="yaml"/> as the spec of <paramref name="study"/> and submits it with <c>nas submit --gateway</c>.</summary>
    public async Task SubmitSpecAsync(string study, string yaml, string gateway)
    {
        var spec = Path.Combine(Directory, study + ".yaml");
        await File.WriteAllTextAsync(spec, yaml);
        await SubmitFileAsync(spec, gateway);
    }

    private async Task SubmitFileAsync(string spec, string gateway)
    {
        using var submit = ChildProcess.Start("nas submit", ChildProcess.BuiltDll("Client", "nas.dll"), Directory, ClientEnvironment,
            ["submit", spec, "--gateway", gateway]);
        var code = await submit.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"nas submit exited with {code?.ToString(CultureInfo.InvariantCulture) ?? "nothing (timed out)"}:\n{submit.Output}");
    }

    /// <summary>Runs <c>nas show STUDY --json --gateway</c> (plus <paramref name="options"/>) and returns its exit code and stdout+stderr.</summary>
    public async Task<(int? Code, string Output)> ShowAsync(string study, string gateway, params string[] options)
    {
        using var show = ChildProcess.Start("nas show", ChildProcess.BuiltDll("Client", "nas.dll"), Directory, ClientEnvironment,
            ["show", study, "--json", "--gateway", gateway, .. options]);
        var code = await show.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, show.Output);
    }

    /// <summary>The trained (not cached) trials that are Completed in the store; 0 while the tables do not exist yet.</summary>
    public async Task<int> CompletedTrainedAsync(string study)
    {
        try
        {
            return (await Store.GetAllTrialsAsync(study)).Count(t => t.SourceTrialId is null && t.Status == TrialStatus.Completed);
        }
        catch (Npgsql.NpgsqlException)
        {
            return 0;
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> trained trials are Completed.</summary>
    public async Task WaitForCompletedAsync(string study, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await CompletedTrainedAsync(study) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} completed trials of {study} after {timeout}.\n{Logs()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the stored study says Completed; returns its summary.</summary>
    public async Task<StudySummary> WaitForStudyCompletedAsync(string study, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            StudySummary? summary = null;
            try
            {
                summary = await Store.GetStudyAsync(study);
            }
            catch (Npgsql.NpgsqlException)
            {
                // The server is restarting: look again.
            }

            if (summary is { Status: StudyStatus.Completed })
            {
                return summary;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"study {study} not completed after {timeout} (status {summary?.Status}, completed {summary?.Completed}, running {summary?.Running}, " +
                $"pending {summary?.Pending}, stored completed trained {await CompletedTrainedAsync(study)}).\n{Logs()}");
            await Task.Delay(200);
        }
    }

    /// <summary>The study ran exactly its budget of distinct trained trials, every one Completed, and the summary agrees.</summary>
    public async Task AssertExactlyBudgetAsync(string study, int budget, StudySummary summary)
    {
        var trials = await Store.GetAllTrialsAsync(study);
        var trained = trials.Where(t => t.SourceTrialId is null).ToList();
        _log.WriteLine($"{study}: {trials.Count} rows, {trained.Count} trained; attempts: " +
            string.Join(", ", trained.GroupBy(t => t.Attempt).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}")) +
            "; trainers: " + string.Join(", ", trained.GroupBy(t => t.Trainer ?? "?").Select(g => $"{g.Key}={g.Count()}")) +
            $"; summary completed {summary.Completed}, failed {summary.Failed}, cached {summary.Cached}, running {summary.Running}, pending {summary.Pending}");
        Assert.Equal(trials.Count, trials.Select(t => t.TrialId).Distinct().Count());
        Assert.Equal(budget, trained.Count);
        Assert.All(trained, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.DoesNotContain(trials, t => t.Status is TrialStatus.Pending or TrialStatus.Running);
        Assert.Equal(budget, summary.Completed);
        Assert.Equal(0, summary.Failed);
        Assert.Equal(0, summary.Running);
        Assert.Equal(0, summary.Pending);

        // The strategy's state agrees with the ledger: it observed every finished trial, once.
        var gateway = _gateways.Last(g => !g.Silo.HasExited).Gateway;
        var (code, output) = await ShowAsync(study, gateway);
        Assert.True(code == 0, output);
        using var shown = System.Text.Json.JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var status = shown.RootElement.GetProperty("study");
        var finished = status.GetProperty("completed").GetInt32() + status.GetProperty("failed").GetInt32() + status.GetProperty("cached").GetInt32();
        Assert.Equal(finished, status.GetProperty("observed").GetInt32());
    }

    /// <summary>Runs <c>nas slots --json --gateway</c>: the scheduler's view of the trainer slots.</summary>
    public async Task<IReadOnlyList<SchedulerSlot>> SlotsAsync(string gateway)
    {
        using var slots = ChildProcess.Start("nas slots", ChildProcess.BuiltDll("Client", "nas.dll"), Directory, ClientEnvironment, ["slots", "--json", "--gateway", gateway]);
        var code = await slots.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var output = slots.Output;
        LastSlotsOutput = output;
        if (code != 0)
        {
            _log.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} nas slots exited {code}: {output[Math.Max(0, output.Length - 400)..]}");
            return [];
        }

        using var json = System.Text.Json.JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        List<SchedulerSlot> result = [.. json.RootElement.GetProperty("slots").EnumerateArray().Select(e => new SchedulerSlot(
            e.GetProperty("slot").GetString()!,
            e.GetProperty("silo").GetString()!,
            e.GetProperty("last_seen").GetDateTimeOffset(),
            [.. e.GetProperty("trials").EnumerateArray().Select(t => t.GetString()!)]))];
        _log.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} nas slots: {Summary(result)}");
        return result;
    }

    private static string Summary(IEnumerable<SchedulerSlot> slots) => string.Join("; ", slots.Select(s => $"{s.Slot[^6..]} {s.LastSeen:HH:mm:ss.fff} [{string.Join(',', s.Trials)}]"));

    /// <summary>The output of the last <c>nas slots</c>, for failure messages.</summary>
    public string LastSlotsOutput { get; private set; } = "";

    /// <summary>Trainings started of <paramref name="study"/>, from the trainer silos' logs (one line per training), by trial.</summary>
    public Dictionary<string, int> TrainingsStarted(string study) =>
        _silos.SelectMany(s => s.Output.Split('\n'))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, $@" trains ({System.Text.RegularExpressions.Regex.Escape(study)}/\d+) \(lease "))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>The tails of every silo's output, for failure messages.</summary>
    public string Logs() =>
        string.Join("\n", _silos.Select(s => $"===== {s.Name} (pid {s.Id}{(s.HasExited ? ", exited" : "")}) =====\n{s.Tail(3000)}"));

    public async ValueTask DisposeAsync()
    {
        // NAS_FAULT_LOGS=dir keeps every silo's whole output, for reading a failure after the fact.
        if (Environment.GetEnvironmentVariable("NAS_FAULT_LOGS") is { Length: > 0 } keep)
        {
            System.IO.Directory.CreateDirectory(keep);
            foreach (var silo in _silos)
            {
                await File.WriteAllTextAsync(Path.Combine(keep, $"{ClusterId}-{silo.Name}-{silo.Id}.log"), silo.Output);
            }
        }

        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private async Task<ChildProcess> StartSiloAsync(string name, string dll, int gatewayPort, string[] own)
    {
        var dataDirectory = Path.Combine(Directory, name);
        string[] arguments =
        [
            "--Nas:Cluster:Clustering=Redis",
            "--Nas:Cluster:ClusterId=" + ClusterId, "--Nas:Cluster:ServiceId=" + ClusterId,
            "--Nas:Cluster:FastFailureDetection=true",
            "--Nas:Cluster:SiloPort=" + RedisServer.FreePort().ToString(CultureInfo.InvariantCulture),
            "--Nas:Cluster:GatewayPort=" + gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--Nas:Silo:Store=Postgres",
            "--Nas:Silo:PostgresSchema=" + _schema, "--Nas:Silo:DataDirectory=" + dataDirectory,
            .. _extra,
            .. own,
        ];
        // The connection strings hold passwords: by environment, as start-silos.sh passes them, never on the command line.
        var environment = new Dictionary<string, string>
        {
            ["Nas__Cluster__RedisConnectionString"] = _servers.Redis.ConnectionString,
            ["Nas__Silo__PostgresConnectionString"] = _servers.Postgres.ConnectionString,
        };
        var silo = ChildProcess.Start(name, dll, Directory, environment, arguments);
        _silos.Add(silo);
        await silo.WaitForOutputAsync("Orleans Silo started", TimeSpan.FromSeconds(90));
        _log.WriteLine($"{name} started (pid {silo.Id})");
        return silo;
    }
}
