using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using NasOrleans.Client.Embedded;
using NasOrleans.Gateway;
using NasOrleans.Gateway.Auth;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas serve [--port 8080] [--address 127.0.0.1]</c>: the embedded default as a service. A silo with trainer slots
/// on the data directory, its HTTP port serving <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> and the gateway
/// (gRPC and HTTP/JSON under <c>/v1</c>) behind API keys. The first start writes DIR/secrets/api-keys.json and an admin
/// key into DIR/secrets/admin.key (both mode 0600). Runs until Ctrl-C or SIGTERM, then stops cleanly.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The data directory's folder of the keys file and the admin key.</summary>
    public const string SecretsFolder = "secrets";

    /// <summary>The keys file in <see cref="SecretsFolder"/>.</summary>
    public const string KeysFileName = "api-keys.json";

    /// <summary>The first start's admin key in <see cref="SecretsFolder"/>.</summary>
    public const string AdminKeyFileName = "admin.key";

    public static Command Create(GlobalOptions global)
    {
        var port = new Option<int>("--port") { Description = "The HTTP port (gRPC and HTTP/JSON; 0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var address = new Option<string>("--address") { Description = "The address to listen on (0.0.0.0 for every interface; keys travel in clear text without TLS in front).", DefaultValueFactory = _ => "127.0.0.1" };
        var slots = new Option<int>("--slots") { Description = "Trainer slots in this process for the studies the cluster trains (ask/tell studies need none).", DefaultValueFactory = _ => 2 };
        var store = new Option<StoreKind>("--store") { Description = "Where to keep trials: sqlite (the data directory) or memory.", DefaultValueFactory = _ => StoreKind.Sqlite };
        var verbose = new Option<bool>("--verbose") { Description = "Log the silo's progress to stderr." };
        var command = new Command("serve", "Serve the embedded default as a service: studies and ask/tell over gRPC and HTTP/JSON with API keys, until Ctrl-C.") { port, address, slots, store, verbose };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            if (settings.Gateway is not null)
            {
                throw new CliException("`nas serve` hosts its own silo; --gateway is for a cluster's silos, which serve the gateway themselves with Nas:Gateway:Enabled.", ExitCodes.InvalidInput);
            }

            if (!IPAddress.TryParse(result.GetValue(address), out _))
            {
                throw new CliException($"--address '{result.GetValue(address)}' is not an IP address; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).", ExitCodes.InvalidInput);
            }

            if (result.GetValue(port) is < 0 or > 65535 || result.GetValue(slots) is < 0 or > 1024 || result.GetValue(store) is not (StoreKind.Sqlite or StoreKind.Memory))
            {
                throw new CliException("--port must be 0 to 65535, --slots 0 to 1024, and --store sqlite or memory.", ExitCodes.InvalidInput);
            }

            var options = new NasSiloOptions
            {
                DataDirectory = Path.GetFullPath(settings.DataDirectory),
                SharedDirectory = settings.SharedDirectory,
                Store = result.GetValue(store),
                TrainerSlots = result.GetValue(slots),
                HttpAddress = result.GetValue(address)!,
                HttpPort = result.GetValue(port) == 0 ? FreePort() : result.GetValue(port),
            };
            return await ServeAsync(options, result.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning, ct);
        }));
        return command;
    }

    private static async Task<int> ServeAsync(NasSiloOptions options, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var secrets = Path.Combine(options.DataDirectory, SecretsFolder);
        var keysFile = Path.Combine(secrets, KeysFileName);
        var adminKey = Path.Combine(secrets, AdminKeyFileName);
        if (!File.Exists(keysFile))
        {
            var (_, key) = ApiKeyFile.Add(keysFile, "admin", ApiKeyDefaults.AdminScope);
            ApiKeyFile.WritePrivate(adminKey, key + "\n");
        }

        var configuration = new Dictionary<string, string?>
        {
            [$"{NasGatewayOptions.SectionName}:{nameof(NasGatewayOptions.Enabled)}"] = "true",
            [$"{NasGatewayOptions.SectionName}:{nameof(NasGatewayOptions.ApiKeysFile)}"] = keysFile,
        };
        await using var silo = await EmbeddedSilo.StartAsync(options, logLevel, cancellationToken, configuration);
        var host = options.HttpAddress.Contains(':', StringComparison.Ordinal) ? $"[{options.HttpAddress}]" : options.HttpAddress;
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"NasOrleans service on http://{host}:{options.HttpPort} (admin key in {adminKey})"));
        await Console.Out.FlushAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("nas serve: stopping (trainer slots drain, the silo leaves)");
        }

        return ExitCodes.Ok;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
