using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

/// <summary>Silos in this process that join a cluster with <see cref="NasClusteringExtensions.UseNasClustering"/>, as silo processes would.</summary>
internal static class TestSilos
{
    /// <summary>Starts a silo with only the clustering of <paramref name="options"/> (warnings and worse logged).</summary>
    public static async Task<IHost> StartAsync(NasClusterOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseNasClustering(options));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Waits (up to a minute) until every silo's view of the membership lists <paramref name="count"/> active silos.</summary>
    public static async Task WaitForActiveAsync(IEnumerable<IHost> silos, int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var silo in silos)
        {
            var management = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            while ((await management.GetHosts(onlyActive: true)).Count != count)
            {
                await Task.Delay(200, deadline.Token);
            }
        }
    }

    /// <summary>Stops and disposes the silos, the last started first.</summary>
    public static async Task StopAsync(IEnumerable<IHost> silos)
    {
        foreach (var silo in silos.Reverse())
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }
}
