using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Hosting;
using NasOrleans.Hosting.Security;

namespace NasOrleans.Cluster.Tests.Security;

/// <summary>A whole NasOrleans silo (studies, scheduler, two trainer slots, memory store) whose cluster has a key file.</summary>
public sealed class ClusterKeyFixture : IAsyncLifetime
{
    private IHost? _silo;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "nas-key-" + Guid.NewGuid().ToString("N")[..10]);

    public string KeyFile => Path.Combine(Directory, "cluster.key");

    public ClusterKey Key { get; private set; } = null!;

    public NasClusterOptions Options { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Key = ClusterKey.Generate();
        Key.WriteTo(KeyFile);
        Options = new NasClusterOptions
        {
            ClusterId = "key-" + Guid.NewGuid().ToString("N")[..8],
            ServiceId = "key",
            SiloPort = RedisServer.FreePort(),
            GatewayPort = RedisServer.FreePort(),
            KeyFile = KeyFile,
        };
        Options.PrimarySiloPort = Options.SiloPort;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseNasClustering(Options)
            .AddNas(new NasSiloOptions { Role = SiloRole.All, Store = StoreKind.Memory, TrainerSlots = 2, MinPollInterval = TimeSpan.FromMilliseconds(1), MaxPollInterval = TimeSpan.FromMilliseconds(20) }));
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    /// <summary>A client of the silo's gateway sending <paramref name="key"/> (none: a plain Orleans client).</summary>
    public async Task<IHost> ConnectAsync(ClusterKey? key)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, Options.GatewayPort))
                .Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (Options.ClusterId, Options.ServiceId));
            if (key is not null)
            {
                client.UseNasClusterKey(key);
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await TestSilos.StopAsync([_silo]);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
