using System.ComponentModel.DataAnnotations;
using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

/// <summary>The cluster-store settings of <see cref="NasSiloOptions"/>.</summary>
public sealed class NasSiloOptionsTests
{
    [Fact]
    public void EnsureValid_PostgresStoreWithoutConnectionString_IsRejected()
    {
        var options = new NasSiloOptions { Store = StoreKind.Postgres };

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains("PostgresConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_PostgresStoreWithConnectionString_IsValid()
    {
        var options = new NasSiloOptions { Store = StoreKind.Postgres, PostgresConnectionString = "Host=127.0.0.1;Port=55432;Database=nas;Username=postgres" };

        options.EnsureValid();

        Assert.Equal("public", options.PostgresSchema);
    }

    [Fact]
    public void EnsureValid_AzureStoreWithoutConnectionString_IsRejectedNamingTheSetting()
    {
        var options = new NasSiloOptions { Store = StoreKind.Azure };

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains("Nas:Silo:AzureConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nas__Silo__AzureConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_AzureStoreWithBadPrefix_IsRejected()
    {
        var options = new NasSiloOptions { Store = StoreKind.Azure, AzureConnectionString = "UseDevelopmentStorage=true", AzureTablePrefix = "Nas-Dev" };

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains("AzureTablePrefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_AzureStoreWithConnectionString_IsValid()
    {
        var options = new NasSiloOptions { Store = StoreKind.Azure, AzureConnectionString = "UseDevelopmentStorage=true" };

        options.EnsureValid();

        Assert.Equal("nas", options.AzureTablePrefix);
    }

    [Fact]
    public void EnsureValid_DashboardWithoutHttpPort_IsRejectedNamingHttpPort()
    {
        var options = new NasSiloOptions { Role = SiloRole.Control, TrainerSlots = 0, Dashboard = true };

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains("HttpPort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_DashboardOnTrainerSilo_IsRejected()
    {
        var options = new NasSiloOptions { Role = SiloRole.Trainer, TrainerSlots = 1, HttpPort = 8080, Dashboard = true };

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains("control silo", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("0.0.0.0:8080")]
    public void EnsureValid_HttpAddressNotAnIpAddress_IsRejected(string address)
    {
        var options = new NasSiloOptions { HttpPort = 8080, HttpAddress = address };

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains("HttpAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_HttpPortOutOfRange_IsRejected()
    {
        var options = new NasSiloOptions { HttpPort = 70000 };

        Assert.Throws<ValidationException>(options.EnsureValid);
    }
}
