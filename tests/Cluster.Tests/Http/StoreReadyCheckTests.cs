using Microsoft.Extensions.Diagnostics.HealthChecks;
using NasOrleans.Hosting.Http;
using NasOrleans.Storage;
using NasOrleans.Storage.Postgres;

namespace NasOrleans.Cluster.Tests.Http;

/// <summary>The readiness check of the store: ready while it answers, not ready (naming why) when its database is gone.</summary>
public sealed class StoreReadyCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_StoreAnswers_Healthy()
    {
        var check = new StoreReadyCheck(new MemoryTrialStore());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_PostgresNotListening_UnhealthyNamingTheStore()
    {
        // A port nothing listens on: the store's first connection is refused.
        var port = RedisServer.FreePort();
        await using var store = new PostgresTrialStore(new PostgresStorageOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Database=nas;Username=nas;Timeout=2" });
        var check = new StoreReadyCheck(store);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(nameof(PostgresTrialStore), result.Description, StringComparison.Ordinal);
    }
}
