using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

/// <summary>
/// A private Redis and two silos that join through it with <see cref="NasClusteringExtensions.UseNasClustering"/>
/// (Redis clustering and reminders, 127.0.0.1, free ports, the fast failure-detection profile), as two processes would.
/// </summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private readonly List<IHost> _silos = [];

    public RedisServer Redis { get; private set; } = null!;

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<IHost> Silos => _silos;

    public IReadOnlyList<NasClusterOptions> Options { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Options = [NewOptions(), NewOptions()];
        foreach (var options in Options)
        {
            _silos.Add(await TestSilos.StartAsync(options));
        }

        await WaitForActiveSilosAsync(2);
    }

    public IGrainFactory GrainFactory(int silo) => _silos[silo].Services.GetRequiredService<IGrainFactory>();

    /// <summary>Waits (up to a minute) until every silo's view of the membership lists <paramref name="count"/> active silos.</summary>
    public Task WaitForActiveSilosAsync(int count) => TestSilos.WaitForActiveAsync(_silos, count);

    public async Task DisposeAsync()
    {
        await TestSilos.StopAsync(_silos);

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }

    private NasClusterOptions NewOptions() => new()
    {
        Clustering = ClusteringKind.Redis,
        RedisConnectionString = Redis.ConnectionString,
        ClusterId = ClusterId,
        ServiceId = ClusterId,
        SiloPort = RedisServer.FreePort(),
        GatewayPort = RedisServer.FreePort(),
        FastFailureDetection = true,
    };
}
