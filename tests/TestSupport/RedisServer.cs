using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NasOrleans.TestSupport;

/// <summary>
/// A Redis server for tests: the one named by NAS_TEST_REDIS (a StackExchange.Redis configuration string), or a
/// private redis-server started here as scripts/cluster/start-services.sh does (127.0.0.1, a free port, a generated
/// password by <c>requirepass</c> in a config file of mode 0600 rather than on the command line, append-only file in a
/// temp directory, daemonized with a pid file, as the redis user when the tests run as root) and stopped by its
/// process id.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>The environment variable naming an existing server.</summary>
    public const string EnvironmentVariable = "NAS_TEST_REDIS";

    private readonly string? _directory;
    private readonly int _port;
    private int _pid;

    private RedisServer(string connectionString, string? directory, int port, string? password, int pid)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _port = port;
        Password = password;
        _pid = pid;
    }

    /// <summary><c>host:port,password=...</c>, as StackExchange.Redis takes it.</summary>
    public string ConnectionString { get; }

    /// <summary>The private server's password (requirepass); null for NAS_TEST_REDIS.</summary>
    public string? Password { get; }

    /// <summary>The private server's port; 0 for NAS_TEST_REDIS.</summary>
    public int Port => _port;

    /// <summary>The private server's process id; 0 for NAS_TEST_REDIS.</summary>
    public int ProcessId => _pid;

    /// <summary>The server NAS_TEST_REDIS names, or a new private one.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external)
        {
            return new RedisServer(external, null, 0, null, 0);
        }

        var directory = Path.Combine(Path.GetTempPath(), "nas-redis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await WriteConfigAsync(directory, port, password);
        return new RedisServer($"127.0.0.1:{port},password={password}", directory, port, password, await LaunchAsync(directory, port));
    }

    /// <summary>Stops the private server (SIGTERM) and starts it again on the same port over its append-only file.</summary>
    public async Task RestartAsync()
    {
        if (_directory is null)
        {
            throw new InvalidOperationException("Only a private Redis can be restarted by the tests.");
        }

        await StopAsync();
        _pid = await LaunchAsync(_directory, _port);
    }

    private async Task StopAsync()
    {
        await RunAsync("kill", ["-TERM", _pid.ToString(CultureInfo.InvariantCulture)]);
        try
        {
            using var process = Process.GetProcessById(_pid);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Who runs redis-server when root runs the tests: the redis user (Debian's package makes it), else nobody.</summary>
    private static string ServiceUser => File.ReadLines("/etc/passwd").Any(l => l.StartsWith("redis:", StringComparison.Ordinal)) ? "redis" : "nobody";

    /// <summary>The config file (mode 0600, the redis user's when root runs the tests): it holds the password.</summary>
    private static async Task WriteConfigAsync(string directory, int port, string password)
    {
        var config = Path.Combine(directory, "redis.conf");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            bind 127.0.0.1
            port {port}
            protected-mode yes
            requirepass {password}
            appendonly yes
            save ""
            dir {directory}
            daemonize yes
            pidfile {Path.Combine(directory, "redis.pid")}
            logfile {Path.Combine(directory, "redis.log")}
            enable-protected-configs no
            enable-debug-command no
            enable-module-command no

            """));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", ServiceUser + ":", directory]);
        }
    }

    private static async Task<int> LaunchAsync(string directory, int port)
    {
        var pidFile = Path.Combine(directory, "redis.pid");
        File.Delete(pidFile);
        var config = Path.Combine(directory, "redis.conf");
        await (IsRoot ? RunAsync("runuser", ["-u", ServiceUser, "--", "redis-server", config]) : RunAsync("redis-server", [config]));
        // The daemon listens a moment before it writes its pid file: wait for both.
        for (var i = 0; i < 100 && !(IsListening(port) && File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0); i++)
        {
            await Task.Delay(100);
        }

        if (!IsListening(port) || !File.Exists(pidFile) || File.ReadAllText(pidFile).Trim().Length == 0)
        {
            throw new InvalidOperationException($"redis-server did not start on port {port}; see {directory}/redis.log");
        }

        return int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Stops a private server by its pid (SIGTERM) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }

        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    /// <summary>A port of 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"{file} could not be started ({ex.Message}): run scripts/setup.sh (apt-get install redis-server), or set {EnvironmentVariable}.", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
            }
        }
    }
}
