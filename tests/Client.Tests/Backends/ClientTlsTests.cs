using NasOrleans.Client.Backends;

namespace NasOrleans.Client.Tests.Backends;

public sealed class ClientTlsTests
{
    [Fact]
    public void From_NoFiles_IsPlainTcp()
    {
        Assert.Null(ClientTls.From(null, null, null));
    }

    [Theory]
    [InlineData(null, null, "ca.crt")]
    [InlineData("client.crt", null, "ca.crt")]
    [InlineData("client.crt", "client.key", null)]
    public void From_NotAllThree_FailsNamingEveryFlagAndVariable(string? certificate, string? key, string? ca)
    {
        var error = Assert.Throws<CliException>(() => ClientTls.From(certificate, key, ca));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        foreach (var name in new[] { "--tls-cert", "--tls-key", "--tls-ca", "NAS_TLS_CERT", "NAS_TLS_KEY", "NAS_TLS_CA" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void From_MissingFiles_NamesTheFlagAndThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "nas-missing-" + Guid.NewGuid().ToString("N") + ".crt");

        var error = Assert.Throws<CliException>(() => ClientTls.From(missing, missing, missing));

        Assert.Contains($"--tls-cert '{missing}' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains($"--tls-ca '{missing}' does not exist", error.Message, StringComparison.Ordinal);
    }
}
