using System.CommandLine;
using NasOrleans.Client.Backends;

namespace NasOrleans.Client;

/// <summary>The options every command takes: data directory, shared data, gateway or service, JSON output, the gateway's TLS files.</summary>
internal sealed class GlobalOptions
{
    public Option<string> DataDirectory { get; } = new("--data-dir")
    {
        Description = "The embedded data directory (default: $NAS_DATA_DIR, else ./.nas).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NAS_DATA_DIR") is { Length: > 0 } d ? d : ".nas",
        Recursive = true,
    };

    public Option<string?> Shared { get; } = new("--data")
    {
        Description = "The shared data folder (NAS-Bench-201 table, datasets); default: $NAS_SHARED_DIR, else the folder 'shared' beside the repository.",
        Recursive = true,
    };

    public Option<string?> Gateway { get; } = new("--gateway")
    {
        Description = "Work on a cluster through this gateway (host:port, comma-separated for several) instead of the embedded data directory.",
        Recursive = true,
    };

    public Option<string?> Server { get; } = new("--server")
    {
        Description = "Work on the NasOrleans service at this URL (http://host:port, as `nas serve` prints) over HTTP/JSON; the API key comes from $NAS_API_KEY or --api-key-file.",
        Recursive = true,
    };

    public Option<string?> ApiKeyFile { get; } = new("--api-key-file")
    {
        Description = "With --server: the file holding the API key (default: the key in $NAS_API_KEY). Keys are never taken on the command line.",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON object on stdout (snake_case keys, accuracies in percent); logs go to stderr.",
        Recursive = true,
    };

    public Option<string?> TlsCertificate { get; } = new("--tls-cert")
    {
        Description = "With --gateway on a TLS cluster: this client's certificate (PEM, signed by the cluster's CA); default: $NAS_TLS_CERT.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NAS_TLS_CERT") is { Length: > 0 } v ? v : null,
        Recursive = true,
    };

    public Option<string?> TlsKey { get; } = new("--tls-key")
    {
        Description = "The private key of --tls-cert (PEM); default: $NAS_TLS_KEY.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NAS_TLS_KEY") is { Length: > 0 } v ? v : null,
        Recursive = true,
    };

    public Option<string?> TlsCa { get; } = new("--tls-ca")
    {
        Description = "The cluster's CA certificate (PEM): turns TLS on, and the silos' certificates must chain to it; default: $NAS_TLS_CA.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NAS_TLS_CA") is { Length: > 0 } v ? v : null,
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(DataDirectory);
        root.Options.Add(Shared);
        root.Options.Add(Gateway);
        root.Options.Add(Server);
        root.Options.Add(ApiKeyFile);
        root.Options.Add(Json);
        root.Options.Add(TlsCertificate);
        root.Options.Add(TlsKey);
        root.Options.Add(TlsCa);
    }

    public CommonSettings Read(ParseResult result) => new(
        result.GetValue(DataDirectory)!,
        result.GetValue(Shared),
        result.GetValue(Gateway),
        result.GetValue(Json),
        ClientTls.From(result.GetValue(TlsCertificate), result.GetValue(TlsKey), result.GetValue(TlsCa)),
        result.GetValue(Server),
        result.GetValue(ApiKeyFile));
}
