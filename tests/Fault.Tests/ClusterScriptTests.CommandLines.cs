using System.Globalization;
using System.Text;

namespace NasOrleans.Fault.Tests;

/// <summary>No password or connection string on any command line (ps, /proc/PID/cmdline) while the cluster scripts run.</summary>
public partial class ClusterScriptTests
{
    [Fact]
    public async Task StartSilos_WhileTheScriptsRun_NoCommandLineHoldsAPasswordOrConnectionString()
    {
        string[] secrets = [services.Secret("pg-password"), services.Secret("pg-superuser-password"), services.Secret("redis-password")];
        var environment = services.Environment;
        environment["NAS_BUILD_CONFIG"] = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        environment["NAS_SILO_PORT_BASE"] = RedisServer.FreePort().ToString(CultureInfo.InvariantCulture);
        environment["NAS_GATEWAY_PORT_BASE"] = RedisServer.FreePort().ToString(CultureInfo.InvariantCulture);
        environment["NAS_CLUSTER_ID"] = "secure-" + Guid.NewGuid().ToString("N")[..8];
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        string[] ours = [services.Directory, environment["NAS_CLUSTER_ID"]];
        var environs = new List<string>();
        using var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                CommandLinesHolding(secrets, ours).ForEach(seen.Enqueue);
                await Task.Delay(20);
            }
        });
        try
        {
            var services2 = await ClusterServicesFixture.RunScriptAsync("start-services.sh", [services.Directory], environment, TimeSpan.FromMinutes(2));
            Assert.True(services2.Code == 0, services2.Output);
            var silos = await ClusterServicesFixture.RunScriptAsync("start-silos.sh", [services.Directory, "1", "1"], environment, TimeSpan.FromMinutes(5));
            Assert.True(silos.Code == 0, silos.Output);
            CommandLinesHolding(secrets, ours).ForEach(seen.Enqueue);

            // The premise: the silos run and got the connection strings, by environment (checked below, after the command lines).
            foreach (var name in new[] { "control-0", "trainer-0" })
            {
                var pid = File.ReadLines(Path.Combine(services.Directory, "silos", name + ".pid")).First();
                environs.Add(await File.ReadAllTextAsync($"/proc/{pid}/environ"));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
            await ClusterServicesFixture.RunScriptAsync("stop-silos.sh", [services.Directory], environment, TimeSpan.FromMinutes(2));
        }

        Assert.True(seen.IsEmpty, "secrets on command lines:\n" + string.Join('\n', seen.Distinct(StringComparer.Ordinal)));
        Assert.Equal(2, environs.Count);
        Assert.All(environs, environ =>
        {
            Assert.Contains("Nas__Silo__PostgresConnectionString=" + services.PostgresConnection, environ, StringComparison.Ordinal);
            Assert.Contains("Nas__Cluster__RedisConnectionString=" + services.RedisConnection, environ, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task CommandLinesHolding_AProcessWithASecretArgument_FindsIt()
    {
        var secret = "probe-" + Guid.NewGuid().ToString("N");
        using var sleeper = System.Diagnostics.Process.Start("bash", ["-c", "sleep 30; true", "probe", "--Nas:Silo:PostgresConnectionString=Password=" + secret]);
        try
        {
            // Until the child has exec'd, /proc/PID/cmdline is still the parent's: look for up to 5 s.
            var found = new List<string>();
            for (var i = 0; i < 250 && found.Count == 0; i++)
            {
                found = CommandLinesHolding([secret], []);
                await Task.Delay(20);
            }

            Assert.Contains(found, l => l.Contains(sleeper.Id.ToString(CultureInfo.InvariantCulture) + ": bash -c", StringComparison.Ordinal));
        }
        finally
        {
            sleeper.Kill();
            await sleeper.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task StartSilos_ConnectionStringArgument_IsRefusedNamingTheVariable()
    {
        var (code, output) = await ClusterServicesFixture.RunScriptAsync(
            "start-silos.sh", [services.Directory, "0", "0", "--Nas:Silo:PostgresConnectionString=Host=x;Password=y"], services.Environment, TimeSpan.FromMinutes(2));

        Assert.Equal(2, code);
        Assert.Contains("Nas__Silo__PostgresConnectionString", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every process's command line (NUL-separated arguments joined by spaces) that holds one of <paramref name="secrets"/>,
    /// or a connection-string setting when it also names one of <paramref name="ours"/> (the test's directory or cluster
    /// id: other programs on this machine are not judged here).
    /// </summary>
    private static List<string> CommandLinesHolding(string[] secrets, string[] ours)
    {
        var found = new List<string>();
        foreach (var proc in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            string line;
            try
            {
                line = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(proc, "cmdline"))).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue; // exited
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (secrets.Any(s => line.Contains(s, StringComparison.Ordinal)) 
                || (line.Contains("ConnectionString=", StringComparison.OrdinalIgnoreCase) && ours.Any(o => line.Contains(o, StringComparison.Ordinal))))
            {
                found.Add($"{Path.GetFileName(proc)}: {line}");
            }
        }

        return found;
    }
}
