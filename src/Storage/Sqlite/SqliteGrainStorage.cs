using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the <c>grain_state</c> table of a SQLite file (the trial store's file when both name it).
/// State is serialized with the silo's <see cref="IGrainStorageSerializer"/>. Writes are optimistic: each write
/// stores a fresh ETag, and a write or clear whose ETag differs from the stored one (or that expects no row where
/// one exists) throws <see cref="InconsistentStateException"/> and changes nothing. Clearing deletes the row.
/// The <c>grain_type</c> column holds the state name Orleans passes.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private const string SelectEtag = "SELECT etag FROM grain_state WHERE grain_type = $type AND grain_id = $id;";

    private readonly string _name;
    private readonly int _initStage;
    private readonly SqliteDatabase _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger _logger;

    /// <summary>Creates the provider (the database is opened at <see cref="SqliteStorageOptions.InitStage"/> or on first use).</summary>
    /// <param name="name">The provider name (as in <c>[PersistentState("state", name)]</c>).</param>
    /// <param name="options">Where the database lives.</param>
    /// <param name="serializer">The silo's grain state serializer.</param>
    /// <param name="logger">Optional logger.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public SqliteGrainStorage(string name, SqliteStorageOptions options, IGrainStorageSerializer serializer, ILogger<SqliteGrainStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        _name = name;
        _initStage = options.InitStage;
        _serializer = serializer;
        _logger = logger ?? NullLogger<SqliteGrainStorage>.Instance;
        _database = new SqliteDatabase(options, _logger, $"{nameof(SqliteGrainStorage)} '{name}'");
    }

    /// <summary>The database file.</summary>
    public string DataSource => _database.DataSource;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", _initStage, InitializeAsync, CloseAsync);
    }

    /// <summary>Opens the writer connection and creates or migrates the schema (idempotent).</summary>
    /// <param name="cancellationToken">Cancels the initialization.</param>
    /// <returns>A task that completes when the database is ready.</returns>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _database.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var id = grainId.ToString();
        (string Etag, byte[] Payload)? row;
        try
        {
            row = await _database.ReadAsync(
                async connection =>
                {
                    await using var command = Command(connection, null, "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND grain_id = $id;", stateName, id);
                    await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                    return await reader.ReadAsync().ConfigureAwait(false)
                        ? (reader.GetString(0), reader.GetFieldValue<byte[]>(1))
                        : ((string, byte[])?)null;
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.GrainStorageFailed(ex, _name, "read", stateName, id);
            throw;
        }

        if (row is { } found)
        {
            grainState.State = _serializer.Deserialize<T>(BinaryData.FromBytes(found.Payload));
            grainState.ETag = found.Etag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var newEtag = Guid.NewGuid().ToString("N");
        var sql = grainState.ETag is null
            ? "INSERT INTO grain_state (grain_type, grain_id, etag, payload, updated_at) VALUES ($type, $id, $new, $payload, $at) " +
              "ON CONFLICT (grain_type, grain_id) DO NOTHING;"
            : "UPDATE grain_state SET etag = $new, payload = $payload, updated_at = $at " +
              "WHERE grain_type = $type AND grain_id = $id AND etag = $etag;";
        await ExecuteConditionalAsync("write", stateName, grainId, grainState.ETag, async command =>
        {
            command.CommandText = sql;
            command.Parameters.AddWithValue("$new", newEtag);
            command.Parameters.AddWithValue("$payload", payload);
            command.Parameters.AddWithValue("$at", SqliteValues.FormatTimestamp(DateTimeOffset.UtcNow));
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
        }).ConfigureAwait(false);
        grainState.ETag = newEtag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    /// <remarks>With no ETag the caller has seen no row: clearing succeeds only when there is none.</remarks>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var etag = grainState.ETag;
        await ExecuteConditionalAsync("clear", stateName, grainId, etag, async command =>
        {
            if (etag is null)
            {
                command.CommandText = SelectEtag;
                return await command.ExecuteScalarAsync().ConfigureAwait(false) is null;
            }

            command.CommandText = "DELETE FROM grain_state WHERE grain_type = $type AND grain_id = $id AND etag = $etag;";
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
        }).ConfigureAwait(false);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>Closes the writer connection (after any write in flight).</summary>
    public void Dispose() => _database.Dispose();

    private Task CloseAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, string stateName, string id)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", stateName);
        command.Parameters.AddWithValue("$id", id);
        return command;
    }

    /// <summary>
    /// Runs <paramref name="apply"/> in a write transaction; when it reports that the ETag did not match, reads the stored
    /// ETag in the same transaction and throws <see cref="InconsistentStateException"/> (nothing was changed).
    /// </summary>
    private async Task ExecuteConditionalAsync(string operation, string stateName, GrainId grainId, string? etag, Func<SqliteCommand, Task<bool>> apply)
    {
        var id = grainId.ToString();
        (bool Applied, string? Stored) outcome;
        try
        {
            outcome = await _database.WriteAsync(
                async (connection, transaction) =>
                {
                    await using var command = Command(connection, transaction, "", stateName, id);
                    command.Parameters.AddWithValue("$etag", (object?)etag ?? DBNull.Value);
                    if (await apply(command).ConfigureAwait(false))
                    {
                        return (true, (string?)null);
                    }

                    await using var select = Command(connection, transaction, SelectEtag, stateName, id);
                    return (false, await select.ExecuteScalarAsync().ConfigureAwait(false) as string);
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.GrainStorageFailed(ex, _name, operation, stateName, id);
            throw;
        }

        if (!outcome.Applied)
        {
            var current = etag ?? "(none)";
            var stored = outcome.Stored ?? "(none)";
            _logger.GrainStateConflict(_name, operation, stateName, id, current, stored);
            throw new InconsistentStateException(
                $"SQLite grain storage '{_name}': {operation} of state '{stateName}' for {id} rejected: ETag {current} does not match stored {stored}.",
                outcome.Stored ?? "",
                etag ?? "");
        }
    }
}
