using NasOrleans.Hosting;

namespace NasOrleans.Client.Backends;

/// <summary>
/// The options every command shares; <paramref name="Tls"/>: the gateway connection's TLS (null: plain TCP);
/// <paramref name="Server"/>: the NasOrleans service's URL (study commands go there over HTTP/JSON), with the API key
/// from <paramref name="ApiKeyFile"/>, else $NAS_API_KEY.
/// </summary>
internal sealed record CommonSettings(
    string DataDirectory,
    string? SharedDirectory,
    string? Gateway,
    bool Json,
    NasTlsOptions? Tls = null,
    string? Server = null,
    string? ApiKeyFile = null);
