using System.ComponentModel.DataAnnotations;
using System.Net;
using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

public sealed class NasClusterOptionsTests
{
    [Fact]
    public void EnsureValid_Defaults_IsLocalhostAndValid()
    {
        var options = new NasClusterOptions();

        options.EnsureValid();

        Assert.Equal(ClusteringKind.Localhost, options.Clustering);
        Assert.False(options.FastFailureDetection);
    }

    [Fact]
    public void EnsureValid_RedisWithoutConnectionStringAndBadAddress_ListsBoth()
    {
        var options = new NasClusterOptions { Clustering = ClusteringKind.Redis, AdvertisedIPAddress = "not-an-ip" };

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains("RedisConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("AdvertisedIPAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_AzureTableWithoutConnectionString_NamesTheSetting()
    {
        var options = new NasClusterOptions { Clustering = ClusteringKind.AzureTable };

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains("Nas:Cluster:AzureConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_GatewayOnTheSiloPort_IsRejected()
    {
        var options = new NasClusterOptions { SiloPort = 30000, GatewayPort = 30000 };

        Assert.Throws<ValidationException>(options.EnsureValid);
    }

    [Fact]
    public void ResolveAdvertisedAddress_Unset_IsLoopback()
    {
        Assert.Equal(IPAddress.Loopback, new NasClusterOptions().ResolveAdvertisedAddress());
        Assert.Equal(IPAddress.Parse("10.1.2.3"), new NasClusterOptions { AdvertisedIPAddress = "10.1.2.3" }.ResolveAdvertisedAddress());
    }
}
