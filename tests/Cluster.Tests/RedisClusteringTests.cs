using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NasOrleans.Hosting;
using Orleans.Configuration;

namespace NasOrleans.Cluster.Tests;

/// <summary>Two silos clustered through a real Redis by <see cref="NasClusteringExtensions.UseNasClustering"/>.</summary>
public sealed class RedisClusteringTests(RedisClusterFixture fixture) : IClassFixture<RedisClusterFixture>
{
    [Fact]
    public async Task UseNasClustering_TwoSilosOverRedis_BothSeeBothActive()
    {
        foreach (var silo in fixture.Silos)
        {
            var hosts = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

            Assert.Equal(2, hosts.Count);
            Assert.All(hosts.Keys, address => Assert.Equal(IPAddress.Loopback, address.Endpoint.Address));
            Assert.Equal(fixture.Options.Select(o => o.SiloPort).Order(), hosts.Keys.Select(a => a.Endpoint.Port).Order());
        }
    }

    [Fact]
    public async Task GrainCall_ActivatedOnOneSiloCalledFromTheOther_IsServedThere()
    {
        var onSecond = await fixture.GrainFactory(1).GetGrain<IPingGrain>("cross").WhereAsync();

        var seenFromFirst = await fixture.GrainFactory(0).GetGrain<IPingGrain>("cross").WhereAsync();
        var local = await fixture.GrainFactory(0).GetGrain<IPingGrain>("local").WhereAsync();

        Assert.Equal(onSecond, seenFromFirst);
        Assert.NotEqual(local, seenFromFirst);
    }

    [Fact]
    public async Task Client_StaticGatewayOfARedisClusteredSilo_CallsGrains()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, fixture.Options[0].GatewayPort))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (fixture.ClusterId, fixture.ClusterId)));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var where = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IPingGrain>("from-client").WhereAsync();

            Assert.StartsWith("127.0.0.1:", where, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Reminder_RegisteredOnARedisClusteredSilo_IsKeptInRedis()
    {
        var grain = fixture.GrainFactory(0).GetGrain<IPingGrain>("reminder");

        await grain.RegisterReminderAsync();
        var registered = await grain.HasReminderAsync();
        await grain.UnregisterReminderAsync();

        Assert.True(registered);
        Assert.False(await grain.HasReminderAsync());
        Assert.Contains("Redis", fixture.Silos[0].Services.GetRequiredService<IReminderTable>().GetType().Name, StringComparison.Ordinal);
        Assert.Contains("Redis", fixture.Silos[0].Services.GetRequiredService<IMembershipTable>().GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void FastFailureDetection_Enabled_AppliesTheTunedTimings()
    {
        var membership = fixture.Silos[1].Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(1), membership.ProbeTimeout);
        Assert.Equal(2, membership.NumMissedProbesLimit);
        Assert.Equal(1, membership.NumVotesForDeathDeclaration);
        Assert.Equal(TimeSpan.FromSeconds(2), membership.TableRefreshTimeout);
    }
}
