using NasOrleans.Hosting;

namespace NasOrleans.Client.Backends;

/// <summary>The options every command shares; <paramref name="Tls"/>: the gateway connection's TLS (null: plain TCP).</summary>
internal sealed record CommonSettings(string DataDirectory, string? SharedDirectory, string? Gateway, bool Json, NasTlsOptions? Tls = null);
