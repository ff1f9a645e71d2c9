using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Grains.Telemetry;
using NasOrleans.Hosting;
using NasOrleans.Hosting.Security;
using OpenTelemetry.Trace;

namespace NasOrleans.Client.Backends;

/// <summary>Connects an Orleans client to gateways given as <c>host:port</c> (comma-separated).</summary>
public static class GatewayConnection
{
    /// <summary>How long a refused connection is retried (a silo still starting) before the gateway is reported unreachable.</summary>
    public static readonly TimeSpan RefusedRetryWindow = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Connects, and checks that the cluster's grain manifest (which the client receives from the gateway) hosts
    /// studies, so that the first grain call works. Throws <see cref="CliException"/> (exit code Unavailable) saying
    /// which gateway could not be reached, or that it hosts no study grains (a silo shutting down hands out a manifest
    /// without itself).
    /// </summary>
    public static Task<GrainStudyClient> ConnectAsync(string gateways, CancellationToken cancellationToken) =>
        ConnectAsync(gateways, null, cancellationToken);

    /// <summary>
    /// As <see cref="ConnectAsync(string, CancellationToken)"/>, over TLS when <paramref name="tls"/> is given
    /// (<see cref="NasTlsExtensions.UseNasTls(IClientBuilder, NasTlsOptions)"/>): a TLS cluster refuses a client without it.
    /// </summary>
    public static Task<GrainStudyClient> ConnectAsync(string gateways, NasTlsOptions? tls, CancellationToken cancellationToken) =>
        ConnectAsync(gateways, tls, ClusterKeyExtensions.FromEnvironment(), cancellationToken);

    /// <summary>
    /// As <see cref="ConnectAsync(string, NasTlsOptions?, CancellationToken)"/>, sending <paramref name="key"/> (the
    /// cluster's key; by default from <see cref="ClusterKey.FileVariable"/>) with every call: a silo with a key refuses calls without it.
    /// </summary>
    public static async Task<GrainStudyClient> ConnectAsync(string gateways, NasTlsOptions? tls, ClusterKey? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        var endpoints = gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToArray();
        var retry = new GatewayRetryFilter(TimeProvider.System, RefusedRetryWindow, TimeSpan.FromMilliseconds(500));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("NAS_CLIENT_LOG") is { Length: > 0 } level && Enum.TryParse<LogLevel>(level, true, out var minimum))
        {
            builder.Logging.SetMinimumLevel(minimum).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        if (Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 })
        {
            // The submit's span and the client side of grain calls go to the same collector as the silos' (endpoint from the variable).
            builder.Services.AddOpenTelemetry().WithTracing(t => t
                .AddSource(NasTelemetry.Name, NasTelemetryExtensions.OrleansApplicationSource)
                .AddOtlpExporter());
        }

        builder.UseOrleansClient(client =>
        {
            client
            .AddActivityPropagation()
            .UseStaticClustering(endpoints)
            .UseConnectionRetryFilter(retry)
            .Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = Environment.GetEnvironmentVariable("NAS_CLUSTER_ID") is { Length: > 0 } c ? c : NasClusterOptions.DefaultId;
                o.ServiceId = Environment.GetEnvironmentVariable("NAS_SERVICE_ID") is { Length: > 0 } s ? s : NasClusterOptions.DefaultId;
            })
            .Configure<Orleans.Configuration.GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            .UseNasTls(tls ?? new NasTlsOptions());
            if (key is not null)
            {
                client.UseNasClusterKey(key);
            }
        });
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
            cancellationToken.ThrowIfCancellationRequested();
            var reason = retry.LastError is { } last
                ? $"no connection within {RefusedRetryWindow.TotalSeconds:0} s ({last.GetBaseException().Message.Split(", will retry", 2)[0]})"
                : ex.Message;
            var hint = tls is null
                ? " A cluster with TLS on refuses clients without --tls-cert, --tls-key and --tls-ca (NAS_TLS_CERT, NAS_TLS_KEY, NAS_TLS_CA)."
                : " With TLS: the client certificate and the silos' must both chain to the CA given (--tls-ca).";
            throw new CliException(
                $"Could not reach the cluster gateway {gateways}: {reason}. Is a silo running there? (nas-silo, or a `nas run` on its data directory){hint}",
                ExitCodes.Unavailable);
        }

        var client = new GrainStudyClient(host.Services.GetRequiredService<IClusterClient>(), async () =>
        {
            await host.StopAsync(TimeSpan.FromSeconds(5));
            host.Dispose();
        });
        if (!client.HostsStudies)
        {
            await client.DisposeAsync();
            throw new CliException(
                $"The cluster gateway {gateways} answered, but no silo there hosts studies: it is shutting down (the study it ran may have ended), " +
                "or it is not a NasOrleans control silo. Run the command again, or point --gateway at a running nas-silo.",
                ExitCodes.Unavailable);
        }

        return client;
    }

    private static IPEndPoint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is <= 0 or > 65535)
        {
            throw new CliException($"--gateway '{text}' is not host:port (for example 127.0.0.1:30000).", ExitCodes.InvalidInput);
        }

        var host = text[..colon];
        if (host == "localhost")
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }

        try
        {
            return new IPEndPoint(Dns.GetHostAddresses(host).First(), port);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or InvalidOperationException)
        {
            throw new CliException($"--gateway '{text}': the host '{host}' does not resolve to an address ({ex.Message}).", ExitCodes.InvalidInput);
        }
    }
}
