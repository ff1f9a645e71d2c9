using NasOrleans.Storage.Azure;
using Orleans.TestingHost;

namespace NasOrleans.Storage.Tests.Azure;

/// <summary>
/// One Azurite for the whole collection (see <see cref="AzuriteServer"/>), a fresh table prefix per test, and an
/// in-process silo whose grain storage "nas" and trial store live in Azure Storage (started on first use).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _clusterLock = new(1, 1);
    private InProcessTestCluster? _cluster;

    public AzuriteServer Server { get; private set; } = null!;

    /// <summary>The prefix of the silo's grain storage and trial store.</summary>
    public string ClusterPrefix { get; } = NewPrefix();

    public async Task InitializeAsync() => Server = await AzuriteServer.StartAsync();

    /// <summary>Options over the shared emulator with a prefix no other test uses.</summary>
    public AzureStorageOptions NewOptions(string? prefix = null) => new()
    {
        ConnectionString = Server.ConnectionString,
        TablePrefix = prefix ?? NewPrefix(),
    };

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>The in-process silo (one, started the first time it is asked for).</summary>
    public async Task<InProcessTestCluster> GetClusterAsync()
    {
        await _clusterLock.WaitAsync();
        try
        {
            if (_cluster is null)
            {
                var builder = new InProcessTestClusterBuilder(1);
                var connection = Server.ConnectionString;
                var prefix = ClusterPrefix;
                builder.ConfigureSilo((_, silo) =>
                {
                    silo.AddAzureGrainStorage("nas", o => (o.ConnectionString, o.TablePrefix) = (connection, prefix));
                    silo.Services.AddAzureTrialStore(o => (o.ConnectionString, o.TablePrefix) = (connection, prefix));
                });
                var cluster = builder.Build();
                await cluster.DeployAsync();
                _cluster = cluster;
            }

            return _cluster;
        }
        finally
        {
            _clusterLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _clusterLock.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
