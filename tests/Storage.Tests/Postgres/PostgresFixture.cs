using NasOrleans.Storage.Postgres;
using Npgsql;
using Orleans.TestingHost;

namespace NasOrleans.Storage.Tests.Postgres;

/// <summary>
/// One PostgreSQL server for the whole collection (see <see cref="PostgresServer"/>), a fresh schema per test, and an
/// in-process silo whose grain storage "nas" and trial store live in PostgreSQL (started on first use).
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _clusterLock = new(1, 1);
    private InProcessTestCluster? _cluster;

    public PostgresServer Server { get; private set; } = null!;

    /// <summary>The schema of the silo's grain storage and trial store.</summary>
    public string ClusterSchema { get; } = NewSchemaName();

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    /// <summary>Options over the shared server in a schema no other test uses.</summary>
    public PostgresStorageOptions NewOptions(string? schema = null) => new()
    {
        ConnectionString = Server.ConnectionString,
        Schema = schema ?? NewSchemaName(),
    };

    public static string NewSchemaName() => "t_" + Guid.NewGuid().ToString("N");

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
                var schema = ClusterSchema;
                builder.ConfigureSilo((_, silo) =>
                {
                    silo.AddPostgresGrainStorage("nas", o => (o.ConnectionString, o.Schema) = (connection, schema));
                    silo.Services.AddPostgresTrialStore(o => (o.ConnectionString, o.Schema) = (connection, schema));
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

    /// <summary>Runs a scalar query on the shared server (outside the stores under test).</summary>
    public async Task<object?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>Drops a test's schema and everything in it.</summary>
    public Task DropSchemaAsync(string schema) => ScalarAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");

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
