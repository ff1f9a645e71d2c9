using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Hosting;
using NasOrleans.Hosting.Http;
using NasOrleans.Hosting.Security;

namespace NasOrleans.Client.Embedded;

/// <summary>
/// A silo in this process on localhost clustering, over the data directory's SQLite file (or memory),
/// with trainer slots; it holds the data directory's lock and advertises its gateway to other <c>nas</c> commands.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DataDirectoryLock? _lock;
    private readonly string _dataDirectory;

    private EmbeddedSilo(IHost host, DataDirectoryLock? dataLock, string dataDirectory, int gatewayPort, ClusterKey key)
    {
        Key = key;
        _host = host;
        _lock = dataLock;
        _dataDirectory = dataDirectory;
        GatewayPort = gatewayPort;
    }

    /// <summary>The port of this silo's client gateway on 127.0.0.1.</summary>
    public int GatewayPort { get; }

    /// <summary>The cluster key a client of <see cref="GatewayPort"/> must send (also in <see cref="KeyPath"/> with a SQLite store).</summary>
    public ClusterKey Key { get; }

    /// <summary>The grains of this silo.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts a silo; throws <see cref="CliException"/> when another process already hosts this data directory. With
    /// <see cref="NasSiloOptions.HttpPort"/> set it also serves HTTP (<see cref="NasHttpServer"/>: health, metrics, and
    /// the gateway when <paramref name="configuration"/> says <c>Nas:Gateway:Enabled</c>).
    /// </summary>
    public static async Task<EmbeddedSilo> StartAsync(NasSiloOptions options, LogLevel logLevel, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        DataDirectoryLock? dataLock = null;
        if (options.Store == StoreKind.Sqlite)
        {
            dataLock = DataDirectoryLock.TryAcquire(options.DataDirectory)
                ?? throw new CliException($"Another nas process is running on the data directory {options.DataDirectory}. Wait for it, stop it, or use another --data-dir.", ExitCodes.Unavailable);
        }

        var siloPort = FreePort();
        var gatewayPort = FreePort();
        // The local gateway is reachable by every user of the machine: only holders of this key (in the data directory,
        // mode 0600) may call its grains.
        var key = ClusterKey.Generate();
        if (options.Store == StoreKind.Sqlite)
        {
            key.WriteTo(KeyPath(options.DataDirectory));
        }

        var web = options.HttpPort > 0 ? WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] }) : null;
        IHostApplicationBuilder builder = web is null ? Host.CreateApplicationBuilder() : web;
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((category, level) => level >= (category?.StartsWith("NasOrleans", StringComparison.Ordinal) == true ? logLevel : LogLevel.Error));
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, null, NasClusterOptions.DefaultId, NasClusterOptions.DefaultId)
            .UseInMemoryReminderService()
            .UseNasClusterKey(key)
            .AddNas(options));
        IHost host = web is null ? ((HostApplicationBuilder)builder).Build() : NasHttpServer.Build(web, options);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            dataLock?.Dispose();
            host.Dispose();
            throw;
        }

        if (options.Store == StoreKind.Sqlite)
        {
            new RunnerInfo(Environment.ProcessId, gatewayPort).Write(options.DataDirectory);
        }

        return new EmbeddedSilo(host, dataLock, options.DataDirectory, gatewayPort, key);
    }

    /// <summary>Where a running embedded silo keeps its cluster key: <c>DIR/secrets/cluster.key</c>.</summary>
    public static string KeyPath(string dataDirectory) => Path.Combine(dataDirectory, "secrets", "cluster.key");

    /// <summary>Stops the silo cleanly (trainer slots drain) and releases the data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            _host.Dispose();
            if (_lock is not null)
            {
                RunnerInfo.Remove(_dataDirectory);
                _lock.Dispose();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}
