using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Backends;

/// <summary>Connects an Orleans client to gateways given as <c>host:port</c> (comma-separated).</summary>
public static class GatewayConnection
{
    /// <summary>Connects, or throws <see cref="CliException"/> (exit code Unavailable) saying which gateway could not be reached.</summary>
    public static async Task<GrainStudyClient> ConnectAsync(string gateways, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        var endpoints = gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToArray();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client
            .UseStaticClustering(endpoints)
            .Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = Environment.GetEnvironmentVariable("NAS_CLUSTER_ID") is { Length: > 0 } c ? c : NasClusterOptions.DefaultId;
                o.ServiceId = Environment.GetEnvironmentVariable("NAS_SERVICE_ID") is { Length: > 0 } s ? s : NasClusterOptions.DefaultId;
            })
            .Configure<Orleans.Configuration.GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5)));
        var host = builder.Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30)); // generous: a loaded machine (training on every core) can take over 15 s
            await host.StartAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not CliException)
        {
            host.Dispose();
            throw new CliException($"Could not reach the cluster gateway {gateways}: {ex.Message}. Is a silo running there?", ExitCodes.Unavailable);
        }

        return new GrainStudyClient(host.Services.GetRequiredService<IClusterClient>(), async () =>
        {
            await host.StopAsync(TimeSpan.FromSeconds(5));
            host.Dispose();
        });
    }

    private static IPEndPoint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is <= 0 or > 65535)
        {
            throw new CliException($"--gateway '{text}' is not host:port (for example 127.0.0.1:30000).", ExitCodes.InvalidInput);
        }

        var host = text[..colon];
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host).First();
        return new IPEndPoint(address, port);
    }
}
