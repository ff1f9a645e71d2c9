using Npgsql;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// The <see cref="ICompletionLog"/> part of <see cref="PostgresTrialStore"/>: the trial_completions table (schema
/// version 2), appended in the same transaction as the trial rows. Each call gets one write id, kept across retries,
/// so a transaction retried after a lost commit acknowledgement appends nothing more, while a second call (a trial
/// really recorded twice) always appends.
/// </summary>
public sealed partial class PostgresTrialStore
{
    private const string InsertCompletions =
        "INSERT INTO trial_completions (write_id, ordinal, study_id, trial_id, lease_id, attempt, status, recorded_at) " +
        "SELECT $1, u.ordinal, u.study_id, u.trial_id, u.lease_id, u.attempt, u.status, u.recorded_at " +
        "FROM unnest($2::text[], $3::bigint[], $4::uuid[], $5::integer[], $6::integer[], $7::bigint[]) " +
        "WITH ORDINALITY AS u(study_id, trial_id, lease_id, attempt, status, recorded_at, ordinal) " +
        "ON CONFLICT (write_id, ordinal) DO NOTHING";

    /// <inheritdoc />
    public async Task RecordCompletionsAsync(IReadOnlyList<TrialRecord> trials, IReadOnlyList<CompletionLogEntry> completions, CancellationToken cancellationToken = default)
    {
        if (!CompletionLogEntry.IsWorkToRecord(trials, completions))
        {
            return;
        }

        var rows = PostgresTrialRows.Normalize(trials);
        var entries = completions.ToList();
        var writeId = Guid.NewGuid();
        await _database.InTransactionAsync(
            "record completions",
            async (connection, transaction, token) =>
            {
                if (rows.Count > 0)
                {
                    await using var upsert = new NpgsqlCommand(PostgresTrialRows.Upsert, connection, transaction);
                    PostgresTrialRows.Bind(upsert, rows);
                    await upsert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                if (entries.Count == 0)
                {
                    return 0;
                }

                await using var insert = new NpgsqlCommand(InsertCompletions, connection, transaction);
                insert.Parameters.Add(new NpgsqlParameter { Value = writeId });
                insert.Parameters.Add(new NpgsqlParameter { Value = entries.ConvertAll(e => e.StudyId) });
                insert.Parameters.Add(new NpgsqlParameter { Value = entries.ConvertAll(e => e.TrialId) });
                insert.Parameters.Add(new NpgsqlParameter { Value = entries.ConvertAll(e => e.LeaseId) });
                insert.Parameters.Add(new NpgsqlParameter { Value = entries.ConvertAll(e => e.Attempt) });
                insert.Parameters.Add(new NpgsqlParameter { Value = entries.ConvertAll(e => (int)e.Status) });
                insert.Parameters.Add(new NpgsqlParameter { Value = entries.ConvertAll(e => e.RecordedAt.UtcTicks) });
                return await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CompletionLogEntry>> GetCompletionsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await QueryAsync(
            "SELECT study_id, trial_id, lease_id, attempt, status, recorded_at FROM trial_completions WHERE study_id = $1 ORDER BY seq",
            [studyId],
            reader => new CompletionLogEntry
            {
                StudyId = reader.GetString(0),
                TrialId = reader.GetInt64(1),
                LeaseId = reader.IsDBNull(2) ? null : reader.GetGuid(2),
                Attempt = reader.GetInt32(3),
                Status = (TrialStatus)reader.GetInt32(4),
                RecordedAt = PostgresValues.FromTicks(reader.GetInt64(5)),
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, int>> GetRecordedTwiceAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var rows = await QueryAsync(
            "SELECT trial_id, count(*) FROM trial_completions WHERE study_id = $1 GROUP BY trial_id HAVING count(*) > 1 ORDER BY trial_id",
            [studyId],
            reader => (TrialId: reader.GetInt64(0), Count: (int)reader.GetInt64(1)),
            cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.TrialId, r => r.Count);
    }
}
