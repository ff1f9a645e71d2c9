using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NasOrleans.TestSupport;

/// <summary>
/// A PostgreSQL server for tests: the one named by the environment variable NAS_TEST_PG (a connection string), or a
/// private instance started here as scripts/cluster/start-services.sh does (initdb into a temp directory with
/// scram-sha-256 and a generated superuser password, pg_hba taking only TCP from 127.0.0.1 with passwords, pg_ctl on a
/// free port, as the postgres user when the tests run as root; the product's role <c>nas</c>, no superuser, owner of the
/// database <c>nas</c>) and stopped by its process id. No password is put on a command line.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The environment variable naming an existing server.</summary>
    public const string EnvironmentVariable = "NAS_TEST_PG";

    private readonly string? _directory;
    private readonly string? _bin;
    private int _pid;

    private PostgresServer(string connectionString, string? superuserConnectionString, string? directory, string? bin, int pid)
    {
        ConnectionString = connectionString;
        SuperuserConnectionString = superuserConnectionString;
        _directory = directory;
        _bin = bin;
        _pid = pid;
    }

    /// <summary>
    /// The product's connection string: the role <c>nas</c> (no superuser) with its password, on the database
    /// <c>nas</c> it owns (or the one NAS_TEST_PG names).
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>The superuser <c>postgres</c> with its password on the maintenance database; null for NAS_TEST_PG.</summary>
    public string? SuperuserConnectionString { get; }

    /// <summary>Whether this is a private instance (which can be restarted).</summary>
    public bool IsPrivate => _directory is not null;

    private string DataDirectory => Path.Combine(_directory!, "pg");

    /// <summary>The server NAS_TEST_PG names, or a new private instance.</summary>
    public static Task<PostgresServer> StartAsync() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external
            ? Task.FromResult(new PostgresServer(external, null, null, null, 0))
            : StartPrivateAsync();

    /// <summary>Starts a private instance (initdb, pg_ctl start) in a fresh temp directory on a free port.</summary>
    public static async Task<PostgresServer> StartPrivateAsync()
    {
        var bin = FindBinaries();
        var directory = Path.Combine(Path.GetTempPath(), "nas-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(directory, "pg");
        Directory.CreateDirectory(data);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", data]);
            await RunAsync("chmod", ["700", data]);
        }

        var port = FreePort();
        var superuserPassword = NewPassword();
        var password = NewPassword();
        var passwordFile = Path.Combine(directory, "initdb-password");
        File.WriteAllText(passwordFile, superuserPassword + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", passwordFile]);
        }

        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=scram-sha-256", "--pwfile=" + passwordFile, "--encoding=UTF8", "--no-sync"]);
        File.Delete(passwordFile);
        await WriteHostOnlyHbaAsync(Path.Combine(data, "pg_hba.conf"));
        var superuser = $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres;Password={superuserPassword}";
        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Database=nas;Username=nas;Password={password}", superuser, directory, bin, 0);
        await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "-o", server.ServerOptions(port), "start"]);
        server._pid = server.ReadPid();
        await CreateProductRoleAsync(superuser, password);
        return server;
    }

    /// <summary>Restarts the private instance (pg_ctl restart -m fast): every open connection is cut (57P01).</summary>
    public async Task RestartAsync()
    {
        EnsurePrivate();
        var port = new NpgsqlConnectionStringBuilder(ConnectionString).Port;
        await RunAsPostgresAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "-m", "fast", "-o", ServerOptions(port), "restart"]);
        _pid = ReadPid();
    }

    /// <summary>Stops the private instance by its process id (fast shutdown), keeping its data.</summary>
    public async Task StopAsync()
    {
        EnsurePrivate();
        if (_pid == 0)
        {
            return;
        }

        await RunAsync("kill", ["-INT", _pid.ToString(CultureInfo.InvariantCulture)]);
        using var process = TryGetProcess(_pid);
        if (process is not null)
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        _pid = 0;
    }

    /// <summary>Starts the stopped private instance again on its port.</summary>
    public async Task StartAgainAsync()
    {
        EnsurePrivate();
        var port = new NpgsqlConnectionStringBuilder(ConnectionString).Port;
        await RunAsPostgresAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "-o", ServerOptions(port), "start"]);
        _pid = ReadPid();
    }

    /// <summary>Stops a private instance and deletes its directory; nothing for an external server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!IsPrivate)
        {
            return;
        }

        await StopAsync();
        try
        {
            Directory.Delete(_directory!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the run.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string NewPassword() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>TCP from this machine only, with SCRAM passwords; no Unix-socket logins (as start-services.sh writes it).</summary>
    private static async Task WriteHostOnlyHbaAsync(string path)
    {
        await File.WriteAllTextAsync(path, "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", path]);
        }
    }

    /// <summary>The role nas (login, no superuser, no CREATEROLE/CREATEDB) and its database nas, over a connection (no argv).</summary>
    private static async Task CreateProductRoleAsync(string superuser, string password)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        foreach (var sql in new[]
        {
            $"CREATE ROLE nas LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS PASSWORD '{password}'",
            "CREATE DATABASE nas OWNER nas",
            "REVOKE ALL ON DATABASE nas FROM PUBLIC",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private string ServerOptions(int port) =>
        string.Create(CultureInfo.InvariantCulture, $"-c listen_addresses=127.0.0.1 -p {port} -k {DataDirectory} -c fsync=off -c max_connections=200");

    private void EnsurePrivate()
    {
        if (!IsPrivate)
        {
            throw new InvalidOperationException("Only a private test instance can be stopped or restarted (unset NAS_TEST_PG).");
        }
    }

    private int ReadPid() =>
        int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("NAS_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0))
                .FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found: run scripts/setup.sh (apt-get install postgresql), set NAS_PG_BIN, or set NAS_TEST_PG to a connection string.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string file, string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments]) : RunAsync(file, arguments);

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
