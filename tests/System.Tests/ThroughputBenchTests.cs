using System.Text.Json;

namespace NasOrleans.System.Tests;

/// <summary>
/// <c>nas bench throughput --store postgres</c> run as a real process: the connection string (with its password) comes
/// from <c>--postgres @FILE</c> or NAS_POSTGRES, never the command line, and a private PostgreSQL with passwords and
/// the non-superuser role nas serves it.
/// </summary>
public sealed class ThroughputBenchTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("nas-throughput-").FullName;
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartPrivateAsync();

    [Fact]
    public async Task BenchThroughput_PostgresFromAtFile_RunsOnTheServer()
    {
        var file = Path.Combine(_directory, "pg-connection");
        // Spaces after the semicolons (Npgsql takes them): a response-file expansion of @FILE would split the string into several arguments.
        await File.WriteAllTextAsync(file, _postgres.ConnectionString.Replace(";", "; ", StringComparison.Ordinal) + "\n");

        var (code, stdout, stderr) = await NasProcess.RunApartAsync(Limit, "bench", "throughput", "--trials", "200", "--store", "postgres", "--postgres", "@" + file, "--json");

        Assert.True(code == 0, stdout + stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("postgres", json.RootElement.GetProperty("store").GetString());
        Assert.Equal(200, json.RootElement.GetProperty("trials").GetInt32());
    }

    [Fact]
    public async Task BenchThroughput_PostgresFromEnvironment_RunsOnTheServer()
    {
        var (code, stdout, stderr) = await NasProcess.RunApartAsync(
            Limit, new Dictionary<string, string> { ["NAS_POSTGRES"] = _postgres.ConnectionString }, "bench", "throughput", "--trials", "200", "--store", "postgres", "--json");

        Assert.True(code == 0, stdout + stderr);
    }

    [Fact]
    public async Task BenchThroughput_PostgresAtMissingFile_ExitsTwoNamingTheFile()
    {
        var missing = Path.Combine(_directory, "missing");

        var (code, stdout, stderr) = await NasProcess.RunApartAsync(
            Limit, new Dictionary<string, string> { ["NAS_POSTGRES"] = "" }, "bench", "throughput", "--trials", "10", "--store", "postgres", "--postgres", "@" + missing);

        Assert.Equal(2, code);
        Assert.Contains("--postgres @" + missing, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchThroughput_PostgresWithoutConnectionString_ExitsTwoNamingFileAndVariable()
    {
        var (code, stdout, stderr) = await NasProcess.RunApartAsync(
            Limit, new Dictionary<string, string> { ["NAS_POSTGRES"] = "" }, "bench", "throughput", "--trials", "10", "--store", "postgres");

        Assert.Equal(2, code);
        Assert.Contains("--postgres @FILE", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("NAS_POSTGRES", stdout + stderr, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
