using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace NasOrleans.Hosting;

/// <summary>TLS with mutual authentication against one CA (<see cref="NasTlsOptions"/>) for silos and clients.</summary>
public static class NasTlsExtensions
{
    /// <summary>
    /// Silo-to-silo and gateway connections over TLS: the silo presents its certificate and requires one from every
    /// peer silo and client, accepted only when it chains to <see cref="NasTlsOptions.CaFile"/>. Nothing when TLS is off.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="options">The TLS options (validated here).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ISiloBuilder UseNasTls(this ISiloBuilder builder, NasTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return builder;
        }

        options.EnsureValid();
        var authorities = options.LoadAuthorities();
        return builder.UseTls(options.LoadCertificate(), tls => Configure(tls, authorities));
    }

    /// <summary>
    /// Gateway connections over TLS: the client presents its certificate and accepts only a silo
    /// whose certificate chains to <see cref="NasTlsOptions.CaFile"/>. Nothing when TLS is off.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="options">The TLS options (validated here).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IClientBuilder UseNasTls(this IClientBuilder builder, NasTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return builder;
        }

        options.EnsureValid();
        var authorities = options.LoadAuthorities();
        return builder.UseTls(options.LoadCertificate(), tls => Configure(tls, authorities));
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to one of <paramref name="authorities"/> (and only to them: the
    /// machine's trusted roots do not count). Host names are not checked; revocation is not checked.
    /// </summary>
    /// <param name="certificate">The peer's certificate (null: it sent none).</param>
    /// <param name="errors">What the TLS layer found.</param>
    /// <param name="authorities">The CA certificates.</param>
    /// <returns>True when the peer is accepted.</returns>
    public static bool IsTrusted(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        return chain.Build(certificate);
    }

    private static void Configure(TlsOptions tls, X509Certificate2Collection authorities)
    {
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.CheckCertificateRevocation = false;
        tls.RemoteCertificateValidation = (certificate, _, errors) => IsTrusted(certificate, errors, authorities);
    }
}
