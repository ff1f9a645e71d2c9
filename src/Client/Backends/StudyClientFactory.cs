using Microsoft.Extensions.Logging;
using NasOrleans.Client.Embedded;
using NasOrleans.Hosting;
using NasOrleans.Hosting.Security;
using NasOrleans.Storage.Sqlite;

namespace NasOrleans.Client.Backends;

/// <summary>
/// Opens the study client that the common options ask for: the service through <c>--server</c> (HTTP/JSON), a cluster through <c>--gateway</c>, else the
/// embedded data directory (reads from its store; changes through the running <c>nas run</c>, or a silo started here).
/// Only <c>create</c> (<c>nas submit</c>) makes a data directory that is not there: read commands never create one.
/// </summary>
internal static class StudyClientFactory
{
    public static async Task<IStudyClient> OpenAsync(CommonSettings settings, CancellationToken cancellationToken, bool create = false)
    {
        if (settings.Server is { } server)
        {
            if (settings.Gateway is not null)
            {
                throw new CliException("--server and --gateway both given; use --server URL (the service, with an API key) or --gateway host:port (operators), not both.", ExitCodes.InvalidInput);
            }

            return HttpStudyClient.Open(server, settings.ApiKeyFile);
        }

        if (settings.Gateway is { } gateway)
        {
            return await GatewayConnection.ConnectAsync(gateway, settings.Tls, cancellationToken);
        }

        var dataDirectory = Path.GetFullPath(settings.DataDirectory);
        if (!create)
        {
            EnsureExists(dataDirectory);
        }

        var store = new SqliteTrialStore(new SqliteStorageOptions { DataDirectory = dataDirectory });
        await store.InitializeAsync(cancellationToken);
        return new StoreStudyClient(store, ct => OpenWriterAsync(settings, dataDirectory, ct));
    }

    private static void EnsureExists(string dataDirectory)
    {
        var where = "(--data-dir, else $NAS_DATA_DIR, else ./.nas)";
        if (!Directory.Exists(dataDirectory))
        {
            throw new CliException($"The data directory {dataDirectory} does not exist {where}. Check the path, or start a study there with `nas run <spec.yaml>`.", ExitCodes.Unavailable);
        }

        if (!File.Exists(Path.Combine(dataDirectory, SqliteStorageOptions.DefaultDatabaseFileName)))
        {
            throw new CliException($"The data directory {dataDirectory} holds no studies ({SqliteStorageOptions.DefaultDatabaseFileName} is missing) {where}. Check the path, or start a study there with `nas run <spec.yaml>`.", ExitCodes.Unavailable);
        }
    }

    private static async Task<IStudyClient> OpenWriterAsync(CommonSettings settings, string dataDirectory, CancellationToken cancellationToken)
    {
        if (RunnerInfo.FindLive(dataDirectory) is { } runner)
        {
            return await GatewayConnection.ConnectAsync($"127.0.0.1:{runner.GatewayPort}", null, ClusterKey.FromFile(EmbeddedSilo.KeyPath(dataDirectory)), cancellationToken);
        }

        var options = new NasSiloOptions { DataDirectory = dataDirectory, SharedDirectory = settings.SharedDirectory, TrainerSlots = 0 };
        var silo = await EmbeddedSilo.StartAsync(options, LogLevel.Warning, cancellationToken);
        return new GrainStudyClient(silo.Grains, silo.DisposeAsync);
    }
}
