using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

/// <summary>Two silos clustered through Azure Tables on a private Azurite by <see cref="NasClusteringExtensions.UseNasClustering"/>, reminders kept there too.</summary>
public sealed class AzureTableClusteringTests : IAsyncLifetime
{
    private readonly List<IHost> _silos = [];
    private readonly string _clusterId = "az-" + Guid.NewGuid().ToString("N")[..8];
    private AzuriteServer _azurite = null!;
    private List<NasClusterOptions> _options = [];

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _options = [NewOptions(), NewOptions()];
        foreach (var options in _options)
        {
            _silos.Add(await TestSilos.StartAsync(options));
        }
    }

    public async Task DisposeAsync()
    {
        await TestSilos.StopAsync(_silos);

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task UseNasClustering_TwoSilosOverAzureTables_SeeEachOtherAndKeepRemindersThere()
    {
        await TestSilos.WaitForActiveAsync(_silos, 2);

        var hosts = await _silos[1].Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var grain = _silos[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IPingGrain>("reminder");
        await grain.RegisterReminderAsync();
        var registered = await grain.HasReminderAsync();
        await grain.UnregisterReminderAsync();

        Assert.Equal(_options.Select(o => o.SiloPort).Order(), hosts.Keys.Select(a => a.Endpoint.Port).Order());
        Assert.All(hosts.Keys, address => Assert.Equal(IPAddress.Loopback, address.Endpoint.Address));
        Assert.True(registered);
        Assert.Contains("Azure", _silos[0].Services.GetRequiredService<IMembershipTable>().GetType().Name, StringComparison.Ordinal);
        Assert.Contains("Azure", _silos[0].Services.GetRequiredService<IReminderTable>().GetType().Name, StringComparison.Ordinal);
    }

    private NasClusterOptions NewOptions() => new()
    {
        Clustering = ClusteringKind.AzureTable,
        AzureConnectionString = _azurite.ConnectionString,
        ClusterId = _clusterId,
        ServiceId = _clusterId,
        SiloPort = RedisServer.FreePort(),
        GatewayPort = RedisServer.FreePort(),
        FastFailureDetection = true,
    };
}
