using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NasOrleans.Hosting;

/// <summary>
/// TLS between silos and from clients (bound from <c>Nas:Cluster:Tls</c>; environment <c>Nas__Cluster__Tls__Enabled</c>
/// and so on): every connection is TLS 1.2+, both ends present a certificate, and each end accepts only a peer whose
/// certificate chains to <see cref="CaFile"/> (mutual authentication: all three files are required; host names are not checked, since silos are
/// reached by IP address). PEM files, as scripts/cluster/make-certs.sh writes them and a Kubernetes TLS Secret holds
/// them (<c>/etc/nas/tls/tls.crt</c>, <c>tls.key</c>, <c>ca.crt</c>).
/// </summary>
public sealed class NasTlsOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Nas:Cluster:Tls";

    /// <summary>Whether connections use TLS (off by default; on in the production overlay).</summary>
    public bool Enabled { get; set; }

    /// <summary>This end's certificate (PEM), signed by the CA of <see cref="CaFile"/>.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The private key of <see cref="CertificateFile"/> (PEM; keep it mode 0600).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The CA certificate(s) (PEM) that peers' certificates must chain to.</summary>
    public string? CaFile { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        (string Name, string? Path)[] files = [(nameof(CertificateFile), CertificateFile), (nameof(KeyFile), KeyFile), (nameof(CaFile), CaFile)];
        var missing = false;
        foreach (var (name, path) in files)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                missing = true;
                yield return new ValidationResult($"Tls:{name} is required with Tls:Enabled=true (a PEM file; scripts/cluster/make-certs.sh makes them).", [name]);
            }
            else if (!File.Exists(path))
            {
                missing = true;
                yield return new ValidationResult($"Tls:{name} '{path}' does not exist.", [name]);
            }
        }

        if (missing)
        {
            yield break;
        }

        if (Probe() is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(CertificateFile), nameof(KeyFile), nameof(CaFile)]);
        }
    }

    /// <summary>This end's certificate with its private key.</summary>
    /// <returns>The certificate.</returns>
    public X509Certificate2 LoadCertificate()
    {
        using var pem = X509Certificate2.CreateFromPemFile(CertificateFile!, KeyFile);
        // SslStream wants a key it can use on every platform: a PKCS#12 round trip gives a persisted, not ephemeral, key.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The CA certificates of <see cref="CaFile"/>.</summary>
    /// <returns>The certificates (at least one).</returns>
    public X509Certificate2Collection LoadAuthorities()
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(CaFile!);
        return authorities.Count > 0 ? authorities : throw new ValidationException($"Tls:CaFile '{CaFile}' holds no certificate.");
    }

    /// <summary>Throws <see cref="ValidationException"/> listing every problem.</summary>
    public void EnsureValid()
    {
        var results = Validate(new ValidationContext(this)).ToList();
        if (results.Count > 0)
        {
            throw new ValidationException("Invalid TLS options: " + string.Join(" ", results.Select(r => r.ErrorMessage)));
        }
    }

    private string? Probe()
    {
        try
        {
            _ = LoadAuthorities();
            using var certificate = LoadCertificate();
            return certificate.HasPrivateKey ? null : $"Tls:KeyFile '{KeyFile}' holds no private key of Tls:CertificateFile '{CertificateFile}'.";
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or ValidationException)
        {
            return $"Tls: the PEM files cannot be loaded (CertificateFile '{CertificateFile}', KeyFile '{KeyFile}', CaFile '{CaFile}'): {ex.Message}";
        }
    }
}
