using Microsoft.Data.Sqlite;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// The <see cref="IStrategyJournal"/> part of <see cref="SqliteTrialStore"/>: the strategy_events and
/// strategy_snapshots tables (schema version 4). An append writes one short row per event, whatever the journal's length.
/// </summary>
public sealed partial class SqliteTrialStore
{
    private const string InsertEvent =
        "INSERT OR IGNORE INTO strategy_events (study_id, strategy, seq, kind, trial_id, architecture_key, score) " +
        "VALUES ($study, $strategy, $seq, $kind, $trial, $key, $score);";

    private const string UpsertSnapshot =
        "INSERT INTO strategy_snapshots (study_id, strategy, seq, state, updated_at) VALUES ($study, $strategy, $seq, $state, $at) " +
        "ON CONFLICT (study_id, strategy) DO UPDATE SET seq = excluded.seq, state = excluded.state, updated_at = excluded.updated_at " +
        "WHERE excluded.seq >= strategy_snapshots.seq;";

    /// <inheritdoc />
    public async Task AppendStrategyEventsAsync(string studyId, string strategy, IReadOnlyList<StrategyJournalEvent> events, CancellationToken cancellationToken = default)
    {
        if (!StrategyJournalArguments.IsWorkToAppend(studyId, strategy, events))
        {
            return;
        }

        await _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = InsertEvent;
                var p = new[] { "$study", "$strategy", "$seq", "$kind", "$trial", "$key", "$score" }
                    .Select(name => command.Parameters.Add(new SqliteParameter(name, DBNull.Value)))
                    .ToArray();
                p[0].Value = studyId;
                p[1].Value = strategy;
                foreach (var e in events)
                {
                    p[2].Value = e.Sequence;
                    p[3].Value = (int)e.Kind;
                    p[4].Value = e.TrialId;
                    p[5].Value = e.ArchitectureKey;
                    p[6].Value = e.Score is { } score && !double.IsNaN(score) ? score : DBNull.Value;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return events.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StrategyJournalEvent>> GetStrategyEventsAsync(string studyId, string strategy, long afterSequence, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        return await _database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText =
                    "SELECT seq, kind, trial_id, architecture_key, score FROM strategy_events " +
                    "WHERE study_id = $study AND strategy = $strategy AND seq > $after ORDER BY seq;";
                command.Parameters.AddWithValue("$study", studyId);
                command.Parameters.AddWithValue("$strategy", strategy);
                command.Parameters.AddWithValue("$after", afterSequence);
                var events = new List<StrategyJournalEvent>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    events.Add(new StrategyJournalEvent
                    {
                        Sequence = reader.GetInt64(0),
                        Kind = (StrategyEventKind)reader.GetInt32(1),
                        TrialId = reader.GetInt64(2),
                        ArchitectureKey = reader.GetString(3),
                        Score = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                    });
                }

                return events;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task SaveStrategySnapshotAsync(string studyId, string strategy, StrategySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckSnapshot(studyId, strategy, snapshot);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = UpsertSnapshot;
                command.Parameters.AddWithValue("$study", studyId);
                command.Parameters.AddWithValue("$strategy", strategy);
                command.Parameters.AddWithValue("$seq", snapshot.Sequence);
                command.Parameters.AddWithValue("$state", snapshot.State);
                command.Parameters.AddWithValue("$at", SqliteValues.FormatTimestamp(DateTimeOffset.UtcNow));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StrategySnapshot?> GetStrategySnapshotAsync(string studyId, string strategy, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        return await _database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT seq, state FROM strategy_snapshots WHERE study_id = $study AND strategy = $strategy;";
                command.Parameters.AddWithValue("$study", studyId);
                command.Parameters.AddWithValue("$strategy", strategy);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new StrategySnapshot(reader.GetInt64(0), reader.GetString(1))
                    : null;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task DeleteStrategyJournalAsync(string studyId, string strategy, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    "DELETE FROM strategy_events WHERE study_id = $study AND strategy = $strategy; " +
                    "DELETE FROM strategy_snapshots WHERE study_id = $study AND strategy = $strategy;";
                command.Parameters.AddWithValue("$study", studyId);
                command.Parameters.AddWithValue("$strategy", strategy);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
