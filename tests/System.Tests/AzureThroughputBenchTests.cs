using System.Text.Json;
using NasOrleans.TestSupport;

namespace NasOrleans.System.Tests;

/// <summary><c>nas bench throughput --store azure</c> run as a real process on Azurite: the connection string from <c>--azure @FILE</c> or NAS_AZURE, and the refusals.</summary>
public sealed class AzureThroughputBenchTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task BenchThroughput_AzureStoreWithConnectionStringFromAFile_RunsEveryTrial()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"nas-azure-{Guid.NewGuid():N}.conn");
        await File.WriteAllTextAsync(file, azurite.ConnectionString + "\n");
        try
        {
            var (code, stdout, stderr) = await NasProcess.RunApartAsync(
                Limit, "bench", "throughput", "--store", "azure", "--azure", "@" + file, "--trials", "300", "--json");

            Assert.True(code == 0, stdout + stderr);
            using var json = JsonDocument.Parse(stdout);
            Assert.Equal("azure", json.RootElement.GetProperty("store").GetString());
            Assert.Equal(300, json.RootElement.GetProperty("trials").GetInt32());
            Assert.True(json.RootElement.GetProperty("trials_per_second").GetDouble() > 0);
            Assert.DoesNotContain(AzuriteServer.DevelopmentAccountKey, stdout + stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task BenchThroughput_AzureStoreFromEnvironment_RunsEveryTrial()
    {
        await using var azurite = await AzuriteServer.StartAsync();

        var (code, stdout, stderr) = await NasProcess.RunApartAsync(
            Limit, new Dictionary<string, string> { ["NAS_AZURE"] = azurite.ConnectionString }, "bench", "throughput", "--store", "azure", "--trials", "100", "--json");

        Assert.True(code == 0, stdout + stderr);
    }

    [Fact]
    public async Task BenchThroughput_AzureStoreWithoutConnectionString_ExitsWith2NamingTheWaysToGiveOne()
    {
        var (code, stdout, stderr) = await NasProcess.RunApartAsync(
            Limit, new Dictionary<string, string> { ["NAS_AZURE"] = "" }, "bench", "throughput", "--store", "azure", "--trials", "1");

        Assert.Equal(2, code);
        Assert.Contains("NAS_AZURE", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("--azure @FILE", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchThroughput_AzureFileMissing_ExitsWith2NamingTheFile()
    {
        var (code, output) = await NasProcess.RunAsync(Limit, "bench", "throughput", "--store", "azure", "--azure", "@/nonexistent/nas-azure.conn", "--trials", "1");

        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/nas-azure.conn", output, StringComparison.Ordinal);
    }
}
