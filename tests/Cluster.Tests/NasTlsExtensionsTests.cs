using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace NasOrleans.Cluster.Tests;

/// <summary>Mutual TLS (<see cref="NasTlsExtensions"/>): silos over TLS, and which clients their gateways accept.</summary>
public sealed class NasTlsExtensionsTests(TlsClusterFixture fixture, ITestOutputHelper output) : IClassFixture<TlsClusterFixture>
{
    [Fact]
    public async Task UseNasTls_TwoSilos_JoinAndCallEachOtherOverTls()
    {
        var grains = fixture.Silos[0].Services.GetRequiredService<IGrainFactory>();
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var onSecond = await fixture.Silos[1].Services.GetRequiredService<IGrainFactory>().GetGrain<IPingGrain>("tls-cross").WhereAsync();

        Assert.Equal(2, hosts.Count);
        Assert.Equal(onSecond, await grains.GetGrain<IPingGrain>("tls-cross").WhereAsync());
    }

    [Fact]
    public async Task Client_CertificateSignedByTheClusterCa_CallsGrains()
    {
        var where = await CallAsync(ClientTls(fixture.Certificates));

        Assert.StartsWith("127.0.0.1:", where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_TlsHandshakeWithoutClientCertificate_IsRefused()
    {
        Assert.Equal("refused", await HandshakeAsync(null));
    }

    [Fact]
    public async Task Gateway_TlsHandshakeWithCertificateOfAnotherCa_IsRefused()
    {
        using var theirs = X509Certificate2.CreateFromPemFile(Path.Combine(fixture.OtherCertificates, "client.crt"), Path.Combine(fixture.OtherCertificates, "client.key"));

        Assert.Equal("refused", await HandshakeAsync(theirs));
    }

    [Fact]
    public async Task Gateway_TlsHandshakeWithTheClustersClientCertificate_StaysOpen()
    {
        // The detector's premise: the same handshake with a CA-signed certificate is accepted (the silo then waits for the Orleans preamble).
        using var ours = X509Certificate2.CreateFromPemFile(Path.Combine(fixture.Certificates, "client.crt"), Path.Combine(fixture.Certificates, "client.key"));

        Assert.Equal("open", await HandshakeAsync(ours));
    }

    [Fact]
    public async Task Client_CertificateOfAnotherCa_IsRefused()
    {
        // The other CA's client, trusting the cluster's CA (so that only the silo's check of the client can refuse it).
        var tls = ClientTls(fixture.OtherCertificates);
        tls.CaFile = Path.Combine(fixture.Certificates, "ca.crt");

        await AssertRefusedAsync(tls);
    }

    [Fact]
    public async Task Client_TrustingAnotherCa_RefusesTheSilo()
    {
        // The cluster's client certificate, but trusting only the other CA: the client refuses the silo's certificate.
        var tls = ClientTls(fixture.Certificates);
        tls.CaFile = Path.Combine(fixture.OtherCertificates, "ca.crt");

        await AssertRefusedAsync(tls);
    }

    [Fact]
    public async Task Client_WithoutTls_IsRefused()
    {
        await AssertRefusedAsync(null);
    }

    [Fact]
    public void IsTrusted_CertificatesOfBothCas_AcceptsOnlyTheClusters()
    {
        var authorities = fixture.SiloTls.LoadAuthorities();
        using var ours = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(fixture.Certificates, "client.crt")));
        using var theirs = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(fixture.OtherCertificates, "client.crt")));

        Assert.True(NasTlsExtensions.IsTrusted(ours, SslPolicyErrors.RemoteCertificateChainErrors, authorities));
        Assert.False(NasTlsExtensions.IsTrusted(theirs, SslPolicyErrors.RemoteCertificateChainErrors, authorities));
        Assert.False(NasTlsExtensions.IsTrusted(null, SslPolicyErrors.RemoteCertificateNotAvailable, authorities));
    }

    /// <summary>
    /// A raw TLS handshake with the first silo's gateway presenting <paramref name="certificate"/> (or none):
    /// "refused" when the handshake or the first read fails or the silo closes the connection, "open" when the
    /// connection is still up after a second.
    /// </summary>
    private async Task<string> HandshakeAsync(X509Certificate2? certificate)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, fixture.Options[0].GatewayPort);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificates = certificate is null ? null : [certificate],
                LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate!,
            });
            // TLS 1.3 reports a refused client certificate after the handshake, on the next read.
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var read = await tls.ReadAsync(new byte[1], wait.Token);
            return read == 0 ? "refused" : "open";
        }
        catch (OperationCanceledException)
        {
            return "open";
        }
        catch (Exception ex) when (ex is System.Security.Authentication.AuthenticationException or IOException)
        {
            output.WriteLine($"refused: {ex.GetType().Name}: {ex.Message}");
            return "refused";
        }
    }

    /// <summary>The connection fails, promptly (not by running out of time).</summary>
    private async Task AssertRefusedAsync(NasTlsOptions? tls)
    {
        var started = TimeProvider.System.GetTimestamp();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => CallAsync(tls));
        output.WriteLine($"{error.GetType().Name} after {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s: {error.Message}");
        Assert.IsNotType<OperationCanceledException>(error, exactMatch: false);
        Assert.IsNotType<TimeoutException>(error);
    }

    private static NasTlsOptions ClientTls(string directory) => new()
    {
        Enabled = true,
        CertificateFile = Path.Combine(directory, "client.crt"),
        KeyFile = Path.Combine(directory, "client.key"),
        CaFile = Path.Combine(directory, "ca.crt"),
    };

    /// <summary>Connects a client to the first silo's gateway (TLS when <paramref name="tls"/> is given) and calls a grain.</summary>
    private async Task<string> CallAsync(NasTlsOptions? tls)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, fixture.Options[0].GatewayPort))
                .UseConnectionRetryFilter((_, _) => Task.FromResult(false)) // fail at the first refused connection
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (fixture.ClusterId, fixture.ClusterId));
            if (tls is not null)
            {
                client.UseNasTls(tls);
            }
        });
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(timeout.Token);
        try
        {
            return await host.Services.GetRequiredService<IClusterClient>().GetGrain<IPingGrain>("tls-client").WhereAsync().WaitAsync(timeout.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
