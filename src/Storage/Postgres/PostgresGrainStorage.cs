using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// Orleans grain storage in the <c>grain_state</c> table of a PostgreSQL database (the trial store's tables when both
/// name the same database and schema). State is serialized with the silo's <see cref="IGrainStorageSerializer"/>.
/// Writes are optimistic: each write stores a fresh ETag, and a write or clear whose ETag differs from the stored one
/// (or that expects no row where one exists) throws <see cref="InconsistentStateException"/> and changes nothing.
/// Each write is one conditional statement; transient failures are retried, and a retry that finds its own new ETag
/// already stored (the earlier attempt committed but its answer was lost) counts as success.
/// The <c>grain_type</c> column holds the state name Orleans passes.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    private const string Where = "WHERE grain_type = $1 AND grain_id = $2";
    private const string Stored = "(SELECT etag FROM grain_state " + Where + ")";

    private readonly string _name;
    private readonly int _initStage;
    private readonly PostgresDatabase _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger _logger;

    /// <summary>Creates the provider (it connects at <see cref="PostgresStorageOptions.InitStage"/> or on first use).</summary>
    /// <param name="name">The provider name (as in <c>[PersistentState("state", name)]</c>).</param>
    /// <param name="options">Where the tables live and how failures are retried.</param>
    /// <param name="serializer">The silo's grain state serializer.</param>
    /// <param name="logger">Optional logger.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public PostgresGrainStorage(string name, PostgresStorageOptions options, IGrainStorageSerializer serializer, ILogger<PostgresGrainStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        _name = name;
        _initStage = options.InitStage;
        _serializer = serializer;
        _logger = logger ?? NullLogger<PostgresGrainStorage>.Instance;
        _database = new PostgresDatabase(options, _logger, $"{nameof(PostgresGrainStorage)} '{name}'");
    }

    /// <summary>The schema that holds the tables.</summary>
    public string Schema => _database.Schema;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe($"{nameof(PostgresGrainStorage)}-{_name}", _initStage, InitializeAsync);
    }

    /// <summary>Connects and creates or migrates the schema (idempotent, safe from several silos at once).</summary>
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
            row = await _database.ExecuteAsync(
                "read grain state",
                async (connection, _, token) =>
                {
                    await using var command = Command(connection, "SELECT etag, payload FROM grain_state " + Where, stateName, id);
                    await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                    return await reader.ReadAsync(token).ConfigureAwait(false)
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
        // $1 type, $2 id, $3 expected ETag, $4 new ETag, $5 payload. The outer SELECT sees the row as it was before this
        // statement, so a miss reports the ETag that made it miss.
        var sql = grainState.ETag is null
            ? "WITH applied AS (INSERT INTO grain_state (grain_type, grain_id, etag, payload, updated_at) " +
              "VALUES ($1, $2, $4, $5, now()) ON CONFLICT (grain_type, grain_id) DO NOTHING RETURNING 1) " +
              "SELECT EXISTS (SELECT 1 FROM applied), " + Stored + ", $3::text"
            : "WITH applied AS (UPDATE grain_state SET etag = $4, payload = $5, updated_at = now() " + Where + " AND etag = $3 RETURNING 1) " +
              "SELECT EXISTS (SELECT 1 FROM applied), " + Stored;
        await ExecuteConditionalAsync("write", stateName, grainId, grainState.ETag, sql, newEtag, payload).ConfigureAwait(false);
        grainState.ETag = newEtag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    /// <remarks>With no ETag the caller has seen no row: clearing succeeds only when there is none.</remarks>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var sql = grainState.ETag is null
            ? "SELECT " + Stored + " IS NULL, " + Stored + ", $3::text"
            : "WITH applied AS (DELETE FROM grain_state " + Where + " AND etag = $3 RETURNING 1) SELECT EXISTS (SELECT 1 FROM applied), " + Stored;
        await ExecuteConditionalAsync("clear", stateName, grainId, grainState.ETag, sql, null, null).ConfigureAwait(false);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>Closes the connection pool.</summary>
    /// <returns>A task that completes when the pool is closed.</returns>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _database.Dispose();

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string stateName, string id)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return command;
    }

    /// <summary>
    /// Runs the conditional statement <paramref name="sql"/> (it answers whether it applied, and the stored ETag it saw)
    /// under the retry policy; throws <see cref="InconsistentStateException"/> when the ETag did not match.
    /// </summary>
    private async Task ExecuteConditionalAsync(string operation, string stateName, GrainId grainId, string? etag, string sql, string? newEtag, byte[]? payload)
    {
        var id = grainId.ToString();
        (bool Applied, string? Stored) outcome;
        try
        {
            outcome = await _database.ExecuteAsync(
                operation + " grain state",
                async (connection, attempt, token) =>
                {
                    await using var command = Command(connection, sql, stateName, id);
                    command.Parameters.Add(new NpgsqlParameter { Value = (object?)etag ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                    if (newEtag is not null)
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = newEtag });
                        command.Parameters.Add(new NpgsqlParameter { Value = payload });
                    }

                    await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                    await reader.ReadAsync(token).ConfigureAwait(false);
                    var applied = reader.GetBoolean(0);
                    var stored = reader.IsDBNull(1) ? null : reader.GetString(1);
                    // A retry after a lost answer: our own write is already there (or our delete already happened).
                    var ownEarlierCommit = attempt > 1 && (newEtag is not null ? stored == newEtag : etag is not null && stored is null);
                    return (applied || ownEarlierCommit, stored);
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
                $"PostgreSQL grain storage '{_name}': {operation} of state '{stateName}' for {id} rejected: ETag {current} does not match stored {stored}.",
                outcome.Stored ?? "",
                etag ?? "");
        }
    }
}
