using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// One component's access to a SQLite database file: a long-lived writer connection (WAL, synchronous=NORMAL,
/// busy_timeout) serialized by a semaphore, and short-lived pooled reader connections (WAL lets them read while
/// a writer writes, from any process). Opening the writer creates or migrates the schema.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _busyTimeoutPragma;
    private readonly ILogger _logger;
    private readonly string _component;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private volatile bool _initialized;
    private bool _disposed;

    public SqliteDatabase(SqliteStorageOptions options, ILogger logger, string component)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConnectionString = options.BuildConnectionString();
        DataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var busyMs = (long)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _busyTimeoutPragma = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyMs};");
        _logger = logger;
        _component = component;
    }

    /// <summary>The connection string (pooled).</summary>
    public string ConnectionString { get; }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    /// <summary>Whether the writer is open and the schema current.</summary>
    public bool IsInitialized => _initialized;

    /// <summary>Opens the writer (creating the directory and the file) and migrates the schema; idempotent.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_initialized)
            {
                return;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var writer = await OpenAsync(_busyTimeoutPragma + "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancellationToken)
                .ConfigureAwait(false);
            try
            {
                var found = await SqliteSchema.MigrateAsync(writer, cancellationToken).ConfigureAwait(false);
                if (found != SqliteSchema.LatestVersion)
                {
                    _logger.SchemaMigrated(DataSource, found, SqliteSchema.LatestVersion);
                }
            }
            catch
            {
                await writer.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _writer = writer;
            _initialized = true;
            _logger.DatabaseOpened(_component, DataSource, SqliteSchema.LatestVersion);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="read"/> on a pooled reader connection (initializing first when needed).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(_busyTimeoutPragma, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await read(connection).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the writer inside one write transaction (BEGIN IMMEDIATE), committing when it
    /// returns and rolling back when it throws. Writers of this instance run one at a time.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            var writer = _writer!;
            var transaction = BeginImmediate(writer);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await write(writer, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return result;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the writer after any write in flight; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            _disposed = true;
            _initialized = false;
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Starts a write transaction with BEGIN IMMEDIATE: the file's write lock is taken up front (waiting up to
    /// busy_timeout), so writers in other processes never deadlock upgrading a read lock.
    /// Microsoft.Data.Sqlite has no truly asynchronous begin.
    /// </summary>
    public static SqliteTransaction BeginImmediate(SqliteConnection connection) =>
        connection.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);

    /// <summary>Runs SQL that returns no rows.</summary>
    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, pragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
