using Microsoft.Extensions.Logging;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Embedded;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Tests.Backends;

public sealed class GatewayConnectionTests
{
    private const string Spec = """
        {
          "name": "probe",
          "objective": { "metric": "validation_accuracy" },
          "space": { "decisions": [ { "name": "a", "type": "integer", "min": 0, "max": 9 } ] },
          "algorithm": { "name": "random", "seed": 1 },
          "trainer": { "kind": "synthetic", "parameters": { "duration_ms": 1 } },
          "budget": { "max_trials": 3 }
        }
        """;

    [Fact]
    public async Task ConnectAsync_FreshClientFiftyTimes_FirstStudyCallWorksEveryTime()
    {
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var silo = await EmbeddedSilo.StartAsync(
            new NasSiloOptions { Store = StoreKind.Memory, TrainerSlots = 1, DataDirectory = TempDirectory() }, LogLevel.Warning, hang.Token);
        await using (var first = await GatewayConnection.ConnectAsync($"127.0.0.1:{silo.GatewayPort}", null, silo.Key, hang.Token))
        {
            await first.SubmitAsync(Spec, hang.Token);
        }

        for (var i = 0; i < 50; i++)
        {
            await using var client = await GatewayConnection.ConnectAsync($"127.0.0.1:{silo.GatewayPort}", null, silo.Key, hang.Token);
            var study = await client.GetStudyAsync("probe", hang.Token);
            Assert.NotNull(study);
            Assert.Equal("probe", study.StudyId);
        }
    }

    [Fact]
    public async Task ConnectAsync_ClusterWithoutStudyGrains_ThrowsUnavailableNamingTheGateway()
    {
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // A trainer-only cluster: its manifest has no IStudyGrain, as a silo shutting down hands out.
        await using var silo = await EmbeddedSilo.StartAsync(
            new NasSiloOptions { Store = StoreKind.Memory, Role = SiloRole.Trainer, TrainerSlots = 1, DataDirectory = TempDirectory() },
            LogLevel.Critical,
            hang.Token);
        var gateway = $"127.0.0.1:{silo.GatewayPort}";

        var error = await Assert.ThrowsAsync<CliException>(() => GatewayConnection.ConnectAsync(gateway, hang.Token));

        Assert.Equal(ExitCodes.Unavailable, error.ExitCode);
        Assert.Contains(gateway, error.Message, StringComparison.Ordinal);
        Assert.Contains("no silo there hosts studies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsUnavailableWithinTheRetryWindow()
    {
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var started = TimeProvider.System.GetTimestamp();

        var error = await Assert.ThrowsAsync<CliException>(() => GatewayConnection.ConnectAsync("127.0.0.1:1", hang.Token));

        Assert.Equal(ExitCodes.Unavailable, error.ExitCode);
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.False(hang.IsCancellationRequested, $"gave up only at the hang guard, after {TimeProvider.System.GetElapsedTime(started)}");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:http")]
    [InlineData("nosuchhost.invalid:30000")]
    public async Task ConnectAsync_MalformedGateway_ThrowsInvalidInput(string gateway)
    {
        var error = await Assert.ThrowsAsync<CliException>(() => GatewayConnection.ConnectAsync(gateway, CancellationToken.None));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("--gateway", error.Message, StringComparison.Ordinal);
    }

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), "nas-client-tests", Guid.NewGuid().ToString("N"));
}
