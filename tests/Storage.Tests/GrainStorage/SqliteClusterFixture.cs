using Orleans.TestingHost;

namespace NasOrleans.Storage.Tests.GrainStorage;

/// <summary>One in-process silo with SQLite grain storage "nas" and the SQLite trial store on one temp database.</summary>
public sealed class SqliteClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string DataDirectory => _directory.Path;

    public IServiceProvider SiloServices => Cluster.Silos[0].ServiceProvider;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var directory = _directory.Path;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSqliteGrainStorage("nas", o => o.DataDirectory = directory);
            silo.Services.AddSqliteTrialStore(o => o.DataDirectory = directory);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _directory.Dispose();
    }
}
