using Npgsql;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// The <see cref="IStrategyJournal"/> part of <see cref="PostgresTrialStore"/>: the strategy_events and
/// strategy_snapshots tables (schema version 3). An append is one statement of one short row per event; a retried
/// append skips the sequences it stored before its commit was lost.
/// </summary>
public sealed partial class PostgresTrialStore
{
    private const string InsertEvents =
        "INSERT INTO strategy_events (study_id, strategy, seq, kind, trial_id, architecture_key, score) " +
        "SELECT $1, $2, u.seq, u.kind, u.trial_id, u.architecture_key, u.score " +
        "FROM unnest($3::bigint[], $4::integer[], $5::bigint[], $6::text[], $7::double precision[]) " +
        "AS u(seq, kind, trial_id, architecture_key, score) " +
        "ON CONFLICT (study_id, strategy, seq) DO NOTHING";

    private const string UpsertSnapshot =
        "INSERT INTO strategy_snapshots (study_id, strategy, seq, state, updated_at) VALUES ($1, $2, $3, $4, now()) " +
        "ON CONFLICT (study_id, strategy) DO UPDATE SET seq = excluded.seq, state = excluded.state, updated_at = excluded.updated_at " +
        "WHERE excluded.seq >= strategy_snapshots.seq";

    /// <inheritdoc />
    public async Task AppendStrategyEventsAsync(string studyId, string strategy, IReadOnlyList<StrategyJournalEvent> events, CancellationToken cancellationToken = default)
    {
        if (!StrategyJournalArguments.IsWorkToAppend(studyId, strategy, events))
        {
            return;
        }

        var rows = events.ToList();
        await _database.ExecuteAsync(
            "append strategy events",
            async (connection, _, token) =>
            {
                await using var command = new NpgsqlCommand(InsertEvents, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = studyId });
                command.Parameters.Add(new NpgsqlParameter { Value = strategy });
                command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(e => e.Sequence) });
                command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(e => (int)e.Kind) });
                command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(e => e.TrialId) });
                command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(e => e.ArchitectureKey) });
                command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(e => e.Score is { } s && !double.IsNaN(s) ? s : (double?)null) });
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StrategyJournalEvent>> GetStrategyEventsAsync(string studyId, string strategy, long afterSequence, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        return await QueryAsync(
            "SELECT seq, kind, trial_id, architecture_key, score FROM strategy_events WHERE study_id = $1 AND strategy = $2 AND seq > $3 ORDER BY seq",
            [studyId, strategy, afterSequence],
            reader => new StrategyJournalEvent
            {
                Sequence = reader.GetInt64(0),
                Kind = (StrategyEventKind)reader.GetInt32(1),
                TrialId = reader.GetInt64(2),
                ArchitectureKey = reader.GetString(3),
                Score = reader.IsDBNull(4) ? null : reader.GetDouble(4),
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SaveStrategySnapshotAsync(string studyId, string strategy, StrategySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckSnapshot(studyId, strategy, snapshot);
        await _database.ExecuteAsync(
            "save strategy snapshot",
            async (connection, _, token) =>
            {
                await using var command = new NpgsqlCommand(UpsertSnapshot, connection);
                foreach (var value in new object[] { studyId, strategy, snapshot.Sequence, snapshot.State })
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StrategySnapshot?> GetStrategySnapshotAsync(string studyId, string strategy, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        var rows = await QueryAsync(
            "SELECT seq, state FROM strategy_snapshots WHERE study_id = $1 AND strategy = $2",
            [studyId, strategy],
            reader => new StrategySnapshot(reader.GetInt64(0), reader.GetString(1)),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task DeleteStrategyJournalAsync(string studyId, string strategy, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        await _database.InTransactionAsync(
            "delete strategy journal",
            async (connection, transaction, token) =>
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var table in new[] { "strategy_events", "strategy_snapshots" })
                {
                    var command = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE study_id = $1 AND strategy = $2");
                    command.Parameters.Add(new NpgsqlParameter { Value = studyId });
                    command.Parameters.Add(new NpgsqlParameter { Value = strategy });
                    batch.BatchCommands.Add(command);
                }

                return await batch.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
