using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// The trial store in PostgreSQL, for a cluster of silos sharing one database. A batch of trials is upserted with one
/// statement in one round trip; every operation is retried on transient failures (a server restart, a refused
/// connection), which is safe because each one is idempotent. The schema is created and migrated by
/// <see cref="InitializeAsync"/> (or on first use), safely from several silos at once. Semantics match the SQLite store:
/// a NaN score is kept as null, score order puts nulls last, timestamps round-trip to the tick.
/// </summary>
public sealed partial class PostgresTrialStore : ITrialStore, IMeasurementStore, ICompletionLog, IStrategyJournal, IArtifactStore, IAsyncDisposable, IDisposable
{
    private const string SelectTrials = "SELECT " + PostgresTrialRows.Columns + " FROM trials ";
    private const string SelectStudies = "SELECT " + PostgresStudyRows.Columns + " FROM studies ";

    private readonly PostgresDatabase _database;
    private readonly ILogger _logger;

    /// <summary>Creates a store over the database that <paramref name="options"/> names (nothing is opened yet).</summary>
    /// <param name="options">Where the tables live and how failures are retried.</param>
    /// <param name="logger">Optional logger.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public PostgresTrialStore(PostgresStorageOptions options, ILogger<PostgresTrialStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? NullLogger<PostgresTrialStore>.Instance;
        _database = new PostgresDatabase(options, _logger, nameof(PostgresTrialStore));
        _artifactRules = new ArtifactRules(options.Artifacts);
    }

    /// <summary>The schema that holds the tables.</summary>
    public string Schema => _database.Schema;

    /// <summary>Whether the schema was created or checked.</summary>
    internal bool IsInitialized => _database.IsInitialized;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _database.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>When a batch names one key twice, the last record wins.</remarks>
    public async Task UpsertTrialsAsync(IReadOnlyList<TrialRecord> trials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0)
        {
            return;
        }

        var rows = PostgresTrialRows.Normalize(trials);
        var started = Stopwatch.GetTimestamp();
        await _database.ExecuteAsync(
            "upsert trials",
            async (connection, _, token) =>
            {
                await using var command = new NpgsqlCommand(PostgresTrialRows.Upsert, connection);
                PostgresTrialRows.Bind(command, rows);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        _logger.TrialsUpserted(rows.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <inheritdoc />
    /// <remarks>A negative offset or limit throws; a zero limit returns nothing. <see cref="TrialOrder.ByScore"/> ranks
    /// completed feasible trials only (null scores last), so a status filter other than completed returns nothing.</remarks>
    public async Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string studyId, TrialQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        var where = query.Order switch
        {
            TrialOrder.ById when query.Status is null => "WHERE study_id = $1 AND $2::integer IS NULL ORDER BY trial_id ",
            TrialOrder.ById => "WHERE study_id = $1 AND status = $2 ORDER BY trial_id ",
            TrialOrder.ByScore when query.Status is null or TrialStatus.Completed =>
                "WHERE study_id = $1 AND status = $2 AND feasible ORDER BY score DESC NULLS LAST, trial_id ",
            TrialOrder.ByScore => null,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Order, "Unknown trial order."),
        };
        if (where is null || query.Limit == 0)
        {
            return [];
        }

        var status = query.Order == TrialOrder.ByScore ? TrialStatus.Completed : query.Status;
        return await QueryTrialsAsync(
            where + "LIMIT $3 OFFSET $4",
            [studyId, status is { } s ? (int)s : DBNull.Value, query.Limit, query.Offset],
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialRecord>> GetAllTrialsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await QueryTrialsAsync("WHERE study_id = $1 ORDER BY trial_id", [studyId], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TrialRecord?> GetTrialAsync(string studyId, long trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var rows = await QueryTrialsAsync("WHERE study_id = $1 AND trial_id = $2", [studyId, trialId], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public Task UpsertStudyAsync(StudySummary study, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        return _database.ExecuteAsync(
            "upsert study",
            async (connection, _, token) =>
            {
                await using var command = new NpgsqlCommand(PostgresStudyRows.Upsert, connection);
                PostgresStudyRows.Bind(command, study);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var studies = await QueryAsync(SelectStudies + "WHERE study_id = $1", [studyId], PostgresStudyRows.Read, cancellationToken).ConfigureAwait(false);
        return studies.Count == 0 ? null : studies[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync(SelectStudies + "ORDER BY created_at DESC, study_id COLLATE \"C\"", [], PostgresStudyRows.Read, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>The study's measurements, completion log, strategy journals and artifacts go too.</remarks>
    public async Task DeleteStudyAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var deleted = await _database.InTransactionAsync(
            "delete study",
            async (connection, transaction, token) =>
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var table in new[] { "trial_measurements", "trials", "trial_completions", "strategy_events", "strategy_snapshots", "artifacts", "studies" })
                {
                    var command = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE study_id = $1");
                    command.Parameters.Add(new NpgsqlParameter { Value = studyId });
                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return batch.BatchCommands[1].RecordsAffected;
            },
            cancellationToken).ConfigureAwait(false);
        _logger.StudyDeleted(studyId, deleted);
    }

    /// <summary>Closes the connection pool.</summary>
    /// <returns>A task that completes when the pool is closed.</returns>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _database.Dispose();

    private Task<List<TrialRecord>> QueryTrialsAsync(string clause, object[] parameters, CancellationToken cancellationToken) =>
        QueryAsync(SelectTrials + clause, parameters, PostgresTrialRows.Read, cancellationToken);

    private Task<List<T>> QueryAsync<T>(string sql, object[] parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        _database.ExecuteAsync(
            "query",
            async (connection, _, token) =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                foreach (var value in parameters)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                var rows = new List<T>();
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }

                return rows;
            },
            cancellationToken);
}
