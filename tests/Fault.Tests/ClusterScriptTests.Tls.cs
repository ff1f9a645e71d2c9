using System.Globalization;

namespace NasOrleans.Fault.Tests;

/// <summary>start-silos.sh with NAS_TLS_DIR (what make-certs.sh made): the nas client needs a certificate of that CA.</summary>
public partial class ClusterScriptTests
{
    [Fact]
    public async Task StartSilos_WithTlsDirectory_NasNeedsACertificateOfTheClustersCa()
    {
        var tls = Path.Combine(services.Directory, "tls");
        var other = Path.Combine(services.Directory, "tls-other");
        foreach (var directory in new[] { tls, other })
        {
            var made = await ClusterServicesFixture.RunScriptAsync("make-certs.sh", [directory], services.Environment, TimeSpan.FromMinutes(1));
            Assert.True(made.Code == 0, made.Output);
        }

        var clusterId = "tls-" + Guid.NewGuid().ToString("N")[..8];
        var gateway = RedisServer.FreePort();
        var environment = services.Environment;
        environment["NAS_BUILD_CONFIG"] = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        environment["NAS_SILO_PORT_BASE"] = RedisServer.FreePort().ToString(CultureInfo.InvariantCulture);
        environment["NAS_GATEWAY_PORT_BASE"] = gateway.ToString(CultureInfo.InvariantCulture);
        environment["NAS_CLUSTER_ID"] = clusterId;
        environment["NAS_TLS_DIR"] = tls;
        try
        {
            var started = await ClusterServicesFixture.RunScriptAsync("start-silos.sh", [services.Directory, "1", "1"], environment, TimeSpan.FromMinutes(5));
            Assert.True(started.Code == 0, started.Output);
            Assert.Contains("NAS_TLS_CERT=" + Path.Combine(tls, "client.crt"), started.Output, StringComparison.Ordinal);

            var key = Path.Combine(services.Directory, "secrets", "cluster.key");
            Assert.Contains("NAS_CLUSTER_KEY_FILE=" + key, started.Output, StringComparison.Ordinal);
            var (withCertificate, output) = await SlotsAsync(clusterId, gateway, tls, tls, key);
            Assert.True(withCertificate == 0, output);
            Assert.Contains("\"slots\"", output, StringComparison.Ordinal); // the trainer joined the control silo over TLS

            // A certificate alone connects, but the silos answer no grain call without the cluster key.
            var (keyless, keylessOutput) = await SlotsAsync(clusterId, gateway, tls, tls, null);
            Assert.True(keyless is not 0 and not null, keylessOutput);
            Assert.Contains("without the cluster key", keylessOutput, StringComparison.Ordinal);

            var (plain, plainOutput) = await SlotsAsync(clusterId, gateway, null, null, key);
            Assert.True(plain == 5, plainOutput);
            Assert.Contains("--tls-cert", plainOutput, StringComparison.Ordinal);

            var (foreign, foreignOutput) = await SlotsAsync(clusterId, gateway, other, tls, key);
            Assert.True(foreign == 5, foreignOutput);
        }
        finally
        {
            await ClusterServicesFixture.RunScriptAsync("stop-silos.sh", [services.Directory], environment, TimeSpan.FromMinutes(2));
        }
    }

    /// <summary>
    /// Runs <c>nas slots --json</c> against the gateway with the client files of <paramref name="certificates"/> and the CA of
    /// <paramref name="ca"/> (none: plain TCP), sending the cluster key of <paramref name="keyFile"/> (none: no key).
    /// </summary>
    private static async Task<(int? Code, string Output)> SlotsAsync(string clusterId, int gateway, string? certificates, string? ca, string? keyFile)
    {
        var environment = new Dictionary<string, string> { ["NAS_CLUSTER_ID"] = clusterId, ["NAS_SERVICE_ID"] = clusterId };
        if (keyFile is not null)
        {
            environment["NAS_CLUSTER_KEY_FILE"] = keyFile;
        }

        if (certificates is not null && ca is not null)
        {
            environment["NAS_TLS_CERT"] = Path.Combine(certificates, "client.crt");
            environment["NAS_TLS_KEY"] = Path.Combine(certificates, "client.key");
            environment["NAS_TLS_CA"] = Path.Combine(ca, "ca.crt");
        }

        using var nas = ChildProcess.Start("nas slots", ChildProcess.BuiltDll("Client", "nas.dll"), ChildProcess.RepositoryRoot, environment,
            ["slots", "--json", "--gateway", "127.0.0.1:" + gateway.ToString(CultureInfo.InvariantCulture)]);
        var code = await nas.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (code, nas.Output);
    }
}
