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
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleans(silo => silo.UseNasClustering(options));
            var host = builder.Build();
            await host.StartAsync();
            _silos.Add(host);
        }

        await WaitForActiveSilosAsync(2);
    }

    public IGrainFactory GrainFactory(int silo) => _silos[silo].Services.GetRequiredService<IGrainFactory>();

    /// <summary>Waits (up to a minute) until every silo's view of the membership lists <paramref name="count"/> active silos.</summary>
    public async Task WaitForActiveSilosAsync(int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        for (var i = 0; i < _silos.Count; i++)
        {
            var management = GrainFactory(i).GetGrain<IManagementGrain>(0);
            while ((await management.GetHosts(onlyActive: true)).Count != count)
            {
                await Task.Delay(200, deadline.Token);
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.StopAsync();
            silo.Dispose();
        }

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
