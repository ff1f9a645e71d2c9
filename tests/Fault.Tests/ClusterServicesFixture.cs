using System.Diagnostics;
using System.Globalization;

namespace NasOrleans.Fault.Tests;

/// <summary>
/// PostgreSQL and Redis started once by scripts/cluster/start-services.sh in a temp directory on free ports, as a user
/// of the scripts starts them, and stopped by stop-services.sh at the end.
/// </summary>
public sealed class ClusterServicesFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "nas-services-" + Guid.NewGuid().ToString("N")[..10]);

    public int PostgresPort { get; } = RedisServer.FreePort();

    public int RedisPort { get; } = RedisServer.FreePort();

    /// <summary>What start-services.sh printed.</summary>
    public string StartOutput { get; private set; } = "";

    /// <summary>The variables of DIR/services.env (NAS_PG_CONNECTION, NAS_REDIS_CONNECTION).</summary>
    public IReadOnlyDictionary<string, string> Services { get; private set; } = new Dictionary<string, string>();

    public string PostgresConnection => Services["NAS_PG_CONNECTION"];

    public string RedisConnection => Services["NAS_REDIS_CONNECTION"];

    public string Secret(string name) => File.ReadAllText(Path.Combine(Directory, "secrets", name)).Trim();

    /// <summary>The environment every script of this fixture runs with (its ports).</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["NAS_PG_PORT"] = PostgresPort.ToString(CultureInfo.InvariantCulture),
        ["NAS_REDIS_PORT"] = RedisPort.ToString(CultureInfo.InvariantCulture),
    };

    public async Task InitializeAsync()
    {
        var (code, output) = await RunScriptAsync("start-services.sh", [Directory], Environment, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"start-services.sh exited {code}: {output}");
        StartOutput = output;
        ReadServices();
    }

    /// <summary>Reads DIR/services.env again (after a restart).</summary>
    public void ReadServices() =>
        Services = File.ReadAllLines(Path.Combine(Directory, "services.env"))
            .Where(l => l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('\''), StringComparer.Ordinal);

    /// <summary>Runs scripts/cluster/SCRIPT with <paramref name="arguments"/>; returns its exit code and stdout+stderr.</summary>
    public static async Task<(int Code, string Output)> RunScriptAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ChildProcess.RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(ChildProcess.RepositoryRoot, "scripts", "cluster", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public async Task DisposeAsync()
    {
        await RunScriptAsync("stop-silos.sh", [Directory], Environment, TimeSpan.FromMinutes(2));
        await RunScriptAsync("stop-services.sh", [Directory], Environment, TimeSpan.FromMinutes(2));
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
