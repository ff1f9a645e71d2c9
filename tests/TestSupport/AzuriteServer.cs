using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NasOrleans.TestSupport;

/// <summary>
/// Azurite, the Azure Storage emulator, for tests: the account named by the environment variable NAS_TEST_AZURE (a
/// connection string), or a private instance started here on free ports of 127.0.0.1 with its data in a temp
/// directory, from the npm package that scripts/setup.sh installs into ~/.cache/nasorleans/azurite (NAS_AZURITE_DIR,
/// as for setup.sh; or the <c>azurite.js</c> NAS_AZURITE names), and stopped by its process id.
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    /// <summary>The environment variable naming an existing account.</summary>
    public const string EnvironmentVariable = "NAS_TEST_AZURE";

    /// <summary>Azurite's well-known development account key (public; it guards nothing).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _directory;
    private Process? _process;
    private int _blobPort;
    private int _tablePort;

    private AzuriteServer(string? directory) => _directory = directory;

    /// <summary>A connection string with the blob and table endpoints of the emulator (or the one NAS_TEST_AZURE names).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Whether this is a private instance (which can be stopped and started again).</summary>
    public bool IsPrivate => _directory is not null;

    /// <summary>The process id of the private instance (0 when stopped).</summary>
    public int ProcessId => _process is { HasExited: false } p ? p.Id : 0;

    /// <summary>The account NAS_TEST_AZURE names, or a new private instance.</summary>
    public static Task<AzuriteServer> StartAsync() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external
            ? Task.FromResult(new AzuriteServer(null) { ConnectionString = external })
            : StartPrivateAsync();

    /// <summary>Starts a private instance in a fresh temp directory on free ports (the ports Azurite reports).</summary>
    public static async Task<AzuriteServer> StartPrivateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "nas-azurite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new AzuriteServer(directory);
        await server.LaunchAsync(0, 0);
        server.ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevelopmentAccountKey + ";" +
            $"BlobEndpoint=http://127.0.0.1:{server._blobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{server._tablePort}/devstoreaccount1;";
        return server;
    }

    /// <summary>
    /// Stops the private instance by its process id, keeping its data: SIGTERM (Azurite's shutdown: it stops
    /// listening, cuts the open connections and saves its metadata). SIGKILL would lose the writes of Azurite's last
    /// few seconds, which it keeps in memory between saves (every 5 s), unlike the real service, which makes a write
    /// durable before it acknowledges it; so a test of the store's fault handling stops it this way.
    /// </summary>
    public async Task StopAsync()
    {
        EnsurePrivate();
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) } })!;
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the stopped private instance again on its ports, over its data.</summary>
    public Task StartAgainAsync()
    {
        EnsurePrivate();
        return _process is null ? LaunchAsync(_blobPort, _tablePort) : Task.CompletedTask;
    }

    /// <summary>Stops a private instance and deletes its directory; nothing for an external account.</summary>
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

    /// <summary>The Azurite entry script: NAS_AZURITE, else the one scripts/setup.sh installs.</summary>
    public static string FindScript()
    {
        if (Environment.GetEnvironmentVariable("NAS_AZURITE") is { Length: > 0 } configured)
        {
            return configured;
        }

        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var installed = Environment.GetEnvironmentVariable("NAS_AZURITE_DIR") is { Length: > 0 } dir ? dir : Path.Combine(cache, "nasorleans", "azurite");
        var script = Path.Combine(installed, "node_modules", "azurite", "dist", "src", "azurite.js");
        return File.Exists(script)
            ? script
            : throw new InvalidOperationException(
                $"Azurite not found at {script}: run scripts/setup.sh (it installs the npm package azurite there), set NAS_AZURITE to azurite's dist/src/azurite.js, or set NAS_TEST_AZURE to a storage account's connection string.");
    }

    private async Task LaunchAsync(int blobPort, int tablePort)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory! };
        string[] arguments =
        [
            FindScript(), "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--location", _directory!,
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", "0",
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start: install Node.js (scripts/setup.sh).");
        var error = process.StandardError.ReadToEndAsync();
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (ports.Count < 3)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                await process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException($"Azurite exited with {process.ExitCode} before listening: {await error}");
            }

            if (Listening().Match(line) is { Success: true } match)
            {
                ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            }
        }

        // Keep draining its output so that it never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        (_blobPort, _tablePort, _process) = (ports["Blob"], ports["Table"], process);
    }

    private void EnsurePrivate()
    {
        if (!IsPrivate)
        {
            throw new InvalidOperationException("Only a private Azurite instance can be stopped or started again (unset NAS_TEST_AZURE).");
        }
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Listening();
}
