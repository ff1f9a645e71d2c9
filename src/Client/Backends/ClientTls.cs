using NasOrleans.Hosting;

namespace NasOrleans.Client.Backends;

/// <summary>The client's TLS settings from <c>--tls-cert</c>/<c>--tls-key</c>/<c>--tls-ca</c> (or NAS_TLS_CERT/NAS_TLS_KEY/NAS_TLS_CA).</summary>
public static class ClientTls
{
    /// <summary>
    /// TLS options for a gateway connection: null when none of the files is given (plain TCP); otherwise TLS that
    /// trusts only silos chaining to <paramref name="ca"/> and presents <paramref name="certificate"/>.
    /// </summary>
    /// <param name="certificate">The client certificate (PEM), or null.</param>
    /// <param name="key">Its private key (PEM), or null.</param>
    /// <param name="ca">The cluster's CA (PEM), or null.</param>
    /// <returns>The options, or null.</returns>
    /// <exception cref="CliException">The combination or a file is wrong (exit code InvalidInput), naming the fix.</exception>
    public static NasTlsOptions? From(string? certificate, string? key, string? ca)
    {
        if (string.IsNullOrWhiteSpace(certificate) && string.IsNullOrWhiteSpace(key) && string.IsNullOrWhiteSpace(ca))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(certificate) || string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(ca))
        {
            throw new CliException(
                "TLS needs all three of --tls-cert, --tls-key and --tls-ca (or NAS_TLS_CERT, NAS_TLS_KEY, NAS_TLS_CA): the client certificate, its private key, " +
                "and the CA the cluster's certificates chain to (scripts/cluster/make-certs.sh DIR makes client.crt, client.key, ca.crt); a TLS cluster refuses a client without a certificate.",
                ExitCodes.InvalidInput);
        }

        var options = new NasTlsOptions { Enabled = true, CertificateFile = certificate, KeyFile = key, CaFile = ca };
        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage).ToList();
        return problems.Count == 0
            ? options
            : throw new CliException("TLS: " + string.Join(" ", problems).Replace("Tls:CertificateFile", "--tls-cert", StringComparison.Ordinal)
                .Replace("Tls:KeyFile", "--tls-key", StringComparison.Ordinal).Replace("Tls:CaFile", "--tls-ca", StringComparison.Ordinal), ExitCodes.InvalidInput);
    }
}
