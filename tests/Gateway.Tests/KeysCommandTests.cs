using NasOrleans.Gateway.Auth;

namespace NasOrleans.Gateway.Tests;

/// <summary><c>nas keys add</c> as a real process: the key handed over once (stdout or a 0600 file), only its hash kept.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeysCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-keys-cmd-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task KeysAdd_WithOut_WritesTheKeyFile0600AndRefusesToOverwriteIt()
    {
        var file = Path.Combine(_directory, "api-keys.json");
        var keyFile = Path.Combine(_directory, "alice.key");

        var (code, stdout, _) = await RunAsync("keys", "add", "--file", file, "--owner", "alice", "--scope", "write", "--out", keyFile);
        var key = (await File.ReadAllTextAsync(keyFile)).Trim();
        var again = await RunAsync("keys", "add", "--file", file, "--owner", "alice", "--scope", "write", "--out", keyFile);

        Assert.Equal(0, code);
        Assert.DoesNotContain(key, stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var entry = Assert.Single(ApiKeyFile.Read(file));
        Assert.Equal(("alice", "write", ApiKeyText.Hash(key)), (entry.Owner, entry.Scope, entry.Sha256));
        Assert.Equal(2, again.Code);
        Assert.Single(ApiKeyFile.Read(file));
    }

    [Fact]
    public async Task KeysAdd_WithoutOut_PrintsTheKeyOnceAndBadScopeIsAUsageError()
    {
        var file = Path.Combine(_directory, "api-keys.json");

        var (code, stdout, _) = await RunAsync("keys", "add", "--file", file, "--owner", "bob", "--scope", "read");
        var bad = await RunAsync("keys", "add", "--file", file, "--owner", "bob", "--scope", "root");

        Assert.Equal(0, code);
        var key = stdout.Trim();
        Assert.StartsWith(ApiKeyDefaults.KeyPrefix, key, StringComparison.Ordinal);
        Assert.Equal(ApiKeyText.Hash(key), Assert.Single(ApiKeyFile.Read(file)).Sha256);
        Assert.Equal(2, bad.Code);
        Assert.Contains("root", bad.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        using var process = ServeCommandTests.Start(arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }
}
