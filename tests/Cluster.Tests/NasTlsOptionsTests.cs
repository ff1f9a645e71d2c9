using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

public sealed class NasTlsOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nas-tls-options-").FullName;

    [Fact]
    public void EnsureValid_Disabled_NeedsNoFiles()
    {
        new NasTlsOptions().EnsureValid();
        new NasClusterOptions().EnsureValid();
    }

    [Fact]
    public void EnsureValid_EnabledWithoutFiles_NamesEachFileAndTheScript()
    {
        var error = Assert.Throws<ValidationException>(new NasClusterOptions { Tls = new NasTlsOptions { Enabled = true } }.EnsureValid);

        Assert.Contains("Tls:CertificateFile is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tls:KeyFile is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tls:CaFile is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("make-certs.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_MissingFile_NamesThePath()
    {
        var options = Write("a");
        options.CaFile = Path.Combine(_directory, "nowhere.crt");

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains($"Tls:CaFile '{options.CaFile}' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_KeyOfAnotherCertificate_IsRejected()
    {
        var options = Write("a");
        options.KeyFile = Write("b").KeyFile;

        var error = Assert.Throws<ValidationException>(options.EnsureValid);

        Assert.Contains("cannot be loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_MatchingFiles_LoadsTheCertificateWithItsKey()
    {
        var options = Write("a");

        options.EnsureValid();
        using var certificate = options.LoadCertificate();

        Assert.True(certificate.HasPrivateKey);
        Assert.Single(options.LoadAuthorities());
    }

    [Fact]
    public void Bind_KubernetesEnvironmentNames_ReachNasClusterOptionsTls()
    {
        // The names deploy/k8s/components/tls sets (Nas__Cluster__Tls__*), as configuration keys.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nas:Cluster:Tls:Enabled"] = "true",
            ["Nas:Cluster:Tls:CertificateFile"] = "/etc/nas/tls/tls.crt",
            ["Nas:Cluster:Tls:KeyFile"] = "/etc/nas/tls/tls.key",
            ["Nas:Cluster:Tls:CaFile"] = "/etc/nas/tls/ca.crt",
        }).Build();
        var options = new NasClusterOptions();

        configuration.GetSection(NasClusterOptions.SectionName).Bind(options);

        Assert.True(options.Tls.Enabled);
        Assert.Equal("/etc/nas/tls/tls.crt", options.Tls.CertificateFile);
        Assert.Equal("/etc/nas/tls/tls.key", options.Tls.KeyFile);
        Assert.Equal("/etc/nas/tls/ca.crt", options.Tls.CaFile);
        Assert.Equal(NasTlsOptions.SectionName, NasClusterOptions.SectionName + ":Tls");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A self-signed certificate NAME.crt with its key NAME.key, which is also its own CA.</summary>
    private NasTlsOptions Write(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var crt = Path.Combine(_directory, name + ".crt");
        File.WriteAllText(crt, certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, name + ".key"), key.ExportPkcs8PrivateKeyPem());
        return new NasTlsOptions { Enabled = true, CertificateFile = crt, KeyFile = Path.Combine(_directory, name + ".key"), CaFile = crt };
    }
}
