using Microsoft.Extensions.Logging;
using Npgsql;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// One component's access to the PostgreSQL database: a pooled <see cref="NpgsqlDataSource"/>, the schema migrated on
/// first use, and every operation run under the <see cref="PostgresRetryPolicy"/>. After a transient failure the pool's
/// idle connections are dropped (after a server restart they are all dead), so the next attempt opens a fresh one.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresRetryPolicy _retry;
    private readonly ILogger _logger;
    private readonly string _component;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public PostgresDatabase(PostgresStorageOptions options, ILogger logger, string component)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.BuildConnectionString();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Schema = options.Schema;
        Target = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _logger = logger;
        _component = component;
        _retry = new PostgresRetryPolicy(options, logger, component, _dataSource.Clear);
    }

    /// <summary>The schema that holds the tables.</summary>
    public string Schema { get; }

    /// <summary>host:port/database, for logs.</summary>
    public string Target { get; }

    /// <summary>Whether the schema was created or checked.</summary>
    public bool IsInitialized => _initialized;

    /// <summary>Connects and migrates the schema (retrying transient failures); idempotent.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            var found = await _retry.ExecuteAsync(
                "schema migration",
                async (_, token) =>
                {
                    var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                    await using (connection.ConfigureAwait(false))
                    {
                        return await PostgresSchema.MigrateAsync(connection, Schema, token).ConfigureAwait(false);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            if (found != PostgresSchema.LatestVersion)
            {
                _logger.SchemaMigrated(Target, Schema, found, PostgresSchema.LatestVersion);
            }

            _initialized = true;
            _logger.DatabaseOpened(_component, Target, Schema, PostgresSchema.LatestVersion);
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled connection (initializing first when needed), again on a fresh
    /// connection after a transient failure. <paramref name="work"/> gets the attempt number (from 1) and must be safe
    /// to run again.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(string operation, Func<NpgsqlConnection, int, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _retry.ExecuteAsync(
            operation,
            async (attempt, token) =>
            {
                var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    return await work(connection, attempt, token).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="ExecuteAsync{T}"/>, inside one transaction committed when <paramref name="work"/> returns.</summary>
    public Task<T> InTransactionAsync<T>(string operation, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        ExecuteAsync(
            operation,
            async (connection, _, token) =>
            {
                var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(connection, transaction, token).ConfigureAwait(false);
                    await transaction.CommitAsync(token).ConfigureAwait(false);
                    return result;
                }
            },
            cancellationToken);

    /// <summary>Closes the pool.</summary>
    public ValueTask DisposeAsync()
    {
        _initLock.Dispose();
        return _dataSource.DisposeAsync();
    }

    /// <summary>Closes the pool.</summary>
    public void Dispose()
    {
        _initLock.Dispose();
        _dataSource.Dispose();
    }
}
