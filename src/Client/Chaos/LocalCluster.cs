using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Orleans.Runtime;

namespace NasOrleans.Client.Chaos;

/// <summary>
/// A throwaway cluster on this machine driven through scripts/cluster: PostgreSQL, Redis, control and trainer
/// silos as real processes in a temporary folder, all stopped by process id when disposed.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private readonly string _root;
    private readonly Dictionary<string, string> _environment;
    private readonly string[] _siloArguments;
    private int _kills;

    private LocalCluster(string root, string directory, Dictionary<string, string> environment, string[] siloArguments)
    {
        _root = root;
        SiloPortBase = int.Parse(environment["NAS_SILO_PORT_BASE"], System.Globalization.CultureInfo.InvariantCulture);
        Directory = directory;
        _environment = environment;
        _siloArguments = siloArguments;
    }

    public string Directory { get; }

    /// <summary>Control silo i listens on this port plus i, trainer silo j on this port plus 100 plus j.</summary>
    public int SiloPortBase { get; }

    public string ClusterId => _environment["NAS_CLUSTER_ID"];

    public string Gateways { get; private set; } = "";

    public string PostgresConnection { get; private set; } = "";

    /// <summary>Starts the services and <paramref name="controls"/> control and <paramref name="trainers"/> trainer silos.</summary>
    public static async Task<LocalCluster> StartAsync(string repositoryRoot, string configuration, int controls, int trainers, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"nas-chaos-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
        var siloBase = FreeBase(10);
        var environment = new Dictionary<string, string>
        {
            ["NAS_PG_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NAS_REDIS_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NAS_SILO_PORT_BASE"] = siloBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NAS_GATEWAY_PORT_BASE"] = FreeBase(controls).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NAS_CLUSTER_ID"] = $"chaos{Environment.ProcessId}",
            ["NAS_BUILD_CONFIG"] = configuration,
            ["NAS_FAST_FAILURE_DETECTION"] = "true",
        };
        string[] silo = ["--Nas:Scheduler:LeaseTimeout=00:00:05", "--Nas:Silo:HeartbeatInterval=00:00:01", "--Nas:Silo:DrainGrace=00:00:02"];
        var cluster = new LocalCluster(repositoryRoot, directory, environment, silo);
        try
        {
            await cluster.ScriptAsync("start-services.sh", [directory], cancellationToken);
            var env = await File.ReadAllLinesAsync(Path.Combine(directory, "services.env"), cancellationToken);
            cluster.PostgresConnection = env.First(l => l.StartsWith("NAS_PG_CONNECTION=", StringComparison.Ordinal))["NAS_PG_CONNECTION=".Length..].Trim('\'');
            cluster.Controls = controls;
            cluster.Trainers = trainers;
            await cluster.StartMissingSilosAsync(cancellationToken);
            var gatewayBase = int.Parse(environment["NAS_GATEWAY_PORT_BASE"], System.Globalization.CultureInfo.InvariantCulture);
            cluster.Gateways = string.Join(',', Enumerable.Range(0, controls).Select(i => $"127.0.0.1:{gatewayBase + i}"));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public int Controls { get; private set; }

    public int Trainers { get; private set; }

    /// <summary>The silos' names and pid files (control-i, trainer-j).</summary>
    public IReadOnlyList<string> SiloNames => [.. Enumerable.Range(0, Controls).Select(i => $"control-{i}"), .. Enumerable.Range(0, Trainers).Select(j => $"trainer-{j}")];

    /// <summary>The name of the silo at <paramref name="parsableAddress"/> (<c>SiloAddress.ToParsableString()</c>), or null when it is none of this cluster's.</summary>
    public string? NameOfSilo(string parsableAddress)
    {
        var port = SiloAddress.FromParsableString(parsableAddress).Endpoint.Port - SiloPortBase;
        return port >= 0 && port < Controls ? $"control-{port}"
            : port >= 100 && port < 100 + Trainers ? $"trainer-{port - 100}"
            : null;
    }

    /// <summary>Starts every silo that is not running (start-silos.sh leaves live ones alone).</summary>
    public Task StartMissingSilosAsync(CancellationToken cancellationToken) =>
        ScriptAsync("start-silos.sh", [Directory, Controls.ToString(System.Globalization.CultureInfo.InvariantCulture), Trainers.ToString(System.Globalization.CultureInfo.InvariantCulture), .. _siloArguments], cancellationToken);

    /// <summary>
    /// SIGKILLs a silo by the pid in its pid file, and copies its log to <c>NAME.killed-K.log</c> (its restart
    /// truncates <c>NAME.log</c>).
    /// </summary>
    public void Kill(string name)
    {
        _kills++;
        var pid = int.Parse(File.ReadAllLines(Path.Combine(Directory, "silos", name + ".pid"))[0], System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        var log = Path.Combine(Directory, "silos", name + ".log");
        if (File.Exists(log))
        {
            File.Copy(log, Path.Combine(Directory, "silos", FormattableString.Invariant($"{name}.killed-{_kills}.log")), overwrite: true);
        }
    }

    /// <summary>When set, the silos' logs are copied there (created if missing) before the cluster's folder is deleted.</summary>
    public string? KeepLogsIn { get; set; }

    public async ValueTask DisposeAsync()
    {
        foreach (var script in new[] { "stop-silos.sh", "stop-services.sh" })
        {
            try
            {
                await ScriptAsync(script, [Directory], CancellationToken.None);
            }
            catch (CliException)
            {
                // Best effort: the other script still runs.
            }
        }

        var silos = Path.Combine(Directory, "silos");
        if (KeepLogsIn is not null && System.IO.Directory.Exists(silos))
        {
            System.IO.Directory.CreateDirectory(KeepLogsIn);
            foreach (var file in System.IO.Directory.GetFiles(silos, "*.log"))
            {
                File.Copy(file, Path.Combine(KeepLogsIn, Path.GetFileName(file)), overwrite: true);
            }
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A server that did not stop may still hold files; its folder stays for inspection.
        }
    }

    private async Task ScriptAsync(string script, string[] arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _root };
        info.ArgumentList.Add(Path.Combine(_root, "scripts", "cluster", script));
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new CliException($"could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new CliException($"scripts/cluster/{script} failed ({process.ExitCode}): {await error}{await output}", ExitCodes.Unavailable);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int FreeBase(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var start = Random.Shared.Next(20_000, 40_000);
            if (Enumerable.Range(start, count + 200).Where((_, i) => i < count || (i >= 100 && i < 100 + count)).All(IsFree))
            {
                return start;
            }
        }

        throw new CliException("No free block of ports on 127.0.0.1 for the chaos cluster.", ExitCodes.Unavailable);
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
