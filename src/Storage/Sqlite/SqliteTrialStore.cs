using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// The trial store in one SQLite file (WAL). Writes are serialized over one long-lived connection with prepared
/// statements, a batch per transaction; every read opens its own pooled connection, so reads never wait for writes,
/// even from other processes (a CLI reading the file while a study process writes it). Operations initialize the
/// store on first use when <see cref="InitializeAsync"/> was not called.
/// </summary>
public sealed partial class SqliteTrialStore : ITrialStore, IMeasurementStore, ICompletionLog, IStrategyJournal, IArtifactStore, IDisposable
{
    private const string SelectTrials = "SELECT " + SqliteTrialRows.Columns + " FROM trials ";
    private const string SelectStudies = "SELECT " + SqliteStudyRows.Columns + " FROM studies ";

    private readonly SqliteDatabase _database;
    private readonly ILogger _logger;

    // Created on the writer inside the first write (under the write lock) and kept prepared.
    private SqliteTrialUpsertCommand? _upsertTrial;
    private SqliteCommand? _upsertStudy;
    private SqliteParameter[] _studyParameters = [];

    /// <summary>Creates a store over the database that <paramref name="options"/> names (nothing is opened yet).</summary>
    /// <param name="options">Where the database lives.</param>
    /// <param name="logger">Optional logger.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public SqliteTrialStore(SqliteStorageOptions options, ILogger<SqliteTrialStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? NullLogger<SqliteTrialStore>.Instance;
        _database = new SqliteDatabase(options, _logger, nameof(SqliteTrialStore));
        _artifactRules = new ArtifactRules(options.Artifacts);
    }

    /// <summary>The database file.</summary>
    public string DataSource => _database.DataSource;

    /// <summary>Whether the schema was created or checked and the writer is open.</summary>
    internal bool IsInitialized => _database.IsInitialized;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _database.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public async Task UpsertTrialsAsync(IReadOnlyList<TrialRecord> trials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await _database.WriteAsync(
            async (connection, transaction) =>
            {
                _upsertTrial ??= new SqliteTrialUpsertCommand(connection);
                for (var i = 0; i < trials.Count; i++)
                {
                    await _upsertTrial.ExecuteAsync(transaction, trials[i], cancellationToken).ConfigureAwait(false);
                }

                return trials.Count;
            },
            cancellationToken).ConfigureAwait(false);
        _logger.TrialsUpserted(trials.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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
            TrialOrder.ById when query.Status is null => "WHERE study_id = $study ORDER BY trial_id ",
            TrialOrder.ById => "WHERE study_id = $study AND status = $status ORDER BY trial_id ",
            TrialOrder.ByScore when query.Status is null or TrialStatus.Completed =>
                "WHERE study_id = $study AND status = $status AND feasible = 1 ORDER BY score DESC, trial_id ",
            TrialOrder.ByScore => null,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Order, "Unknown trial order."),
        };
        if (where is null || query.Limit == 0)
        {
            return [];
        }

        var status = query.Order == TrialOrder.ByScore ? TrialStatus.Completed : query.Status;
        return await QueryTrialsAsync(
            where + "LIMIT $limit OFFSET $offset",
            command =>
            {
                command.Parameters.AddWithValue("$study", studyId);
                command.Parameters.AddWithValue("$status", status is { } s ? (int)s : DBNull.Value);
                command.Parameters.AddWithValue("$limit", query.Limit);
                command.Parameters.AddWithValue("$offset", query.Offset);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialRecord>> GetAllTrialsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await QueryTrialsAsync(
            "WHERE study_id = $study ORDER BY trial_id",
            command => command.Parameters.AddWithValue("$study", studyId),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TrialRecord?> GetTrialAsync(string studyId, long trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var rows = await QueryTrialsAsync(
            "WHERE study_id = $study AND trial_id = $trial",
            command =>
            {
                command.Parameters.AddWithValue("$study", studyId);
                command.Parameters.AddWithValue("$trial", trialId);
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public Task UpsertStudyAsync(StudySummary study, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        return _database.WriteAsync(
            (connection, transaction) =>
            {
                if (_upsertStudy is null)
                {
                    _upsertStudy = connection.CreateCommand();
                    _upsertStudy.CommandText = SqliteStudyRows.Upsert;
                    _studyParameters = SqliteStudyRows.CreateParameters(_upsertStudy);
                }

                SqliteStudyRows.Bind(_studyParameters, study);
                _upsertStudy.Transaction = transaction;
                return _upsertStudy.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var studies = await QueryStudiesAsync("WHERE study_id = $study", studyId, cancellationToken).ConfigureAwait(false);
        return studies.Count == 0 ? null : studies[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken = default) =>
        await QueryStudiesAsync("ORDER BY created_at DESC, study_id", null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DeleteStudyAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var deleted = await _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM trials WHERE study_id = $study;";
                command.Parameters.AddWithValue("$study", studyId);
                var trials = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                command.CommandText = "DELETE FROM trial_measurements WHERE study_id = $study; DELETE FROM trial_completions WHERE study_id = $study; DELETE FROM strategy_events WHERE study_id = $study; DELETE FROM strategy_snapshots WHERE study_id = $study; DELETE FROM artifacts WHERE study_id = $study; DELETE FROM studies WHERE study_id = $study;";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return trials;
            },
            cancellationToken).ConfigureAwait(false);
        _logger.StudyDeleted(studyId, deleted);
    }

    /// <summary>Closes the writer connection (after any write in flight); the file stays as it is.</summary>
    public void Dispose()
    {
        _database.Dispose();
        _upsertTrial?.Dispose();
        _upsertStudy?.Dispose();
    }

    private Task<List<TrialRecord>> QueryTrialsAsync(string clause, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SelectTrials + clause + ";";
                bind(command);
                var trials = new List<TrialRecord>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    trials.Add(SqliteTrialRows.Read(reader));
                }

                return trials;
            },
            cancellationToken);

    private Task<List<StudySummary>> QueryStudiesAsync(string clause, string? studyId, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SelectStudies + clause + ";";
                if (studyId is not null)
                {
                    command.Parameters.AddWithValue("$study", studyId);
                }

                var studies = new List<StudySummary>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    studies.Add(SqliteStudyRows.Read(reader));
                }

                return studies;
            },
            cancellationToken);
}
