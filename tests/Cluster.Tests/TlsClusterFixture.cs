using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

/// <summary>
/// Two silos over a private Redis with <see cref="NasClusterOptions.Tls"/> on (certificates from
/// scripts/cluster/make-certs.sh), and the files of a second, unrelated CA for the tests that must be refused.
/// </summary>
public sealed class TlsClusterFixture : IAsyncLifetime
{
    private readonly List<IHost> _silos = [];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "nas-tls-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>The cluster's CA, silo and client files.</summary>
    public string Certificates => Path.Combine(Directory, "cluster");

    /// <summary>Files made the same way by another CA.</summary>
    public string OtherCertificates => Path.Combine(Directory, "other");

    public RedisServer Redis { get; private set; } = null!;

    public string ClusterId { get; } = "tls-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<NasClusterOptions> Options { get; private set; } = [];

    public IReadOnlyList<IHost> Silos => _silos;

    public NasTlsOptions SiloTls => new()
    {
        Enabled = true,
        CertificateFile = Path.Combine(Certificates, "silo.crt"),
        KeyFile = Path.Combine(Certificates, "silo.key"),
        CaFile = Path.Combine(Certificates, "ca.crt"),
    };

    public async Task InitializeAsync()
    {
        await MakeCertificatesAsync(Certificates);
        await MakeCertificatesAsync(OtherCertificates);
        Redis = await RedisServer.StartAsync();
        Options = [NewOptions(), NewOptions()];
        foreach (var options in Options)
        {
            _silos.Add(await TestSilos.StartAsync(options));
        }

        await TestSilos.WaitForActiveAsync(_silos, 2);
    }

    public async Task DisposeAsync()
    {
        await TestSilos.StopAsync(_silos);

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
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
        Tls = SiloTls,
    };

    private static async Task MakeCertificatesAsync(string directory)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "NasOrleans.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("NasOrleans.sln not found above the test assembly.");
        }

        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "cluster", "make-certs.sh"), directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"make-certs.sh {directory} exited {process.ExitCode}: {await output}{await error}");
    }
}
