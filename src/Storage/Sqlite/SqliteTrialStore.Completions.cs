using System.Globalization;
using Microsoft.Data.Sqlite;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// The <see cref="ICompletionLog"/> part of <see cref="SqliteTrialStore"/>: the trial_completions table (schema version 3),
/// appended in the same write transaction as the trial rows.
/// </summary>
public sealed partial class SqliteTrialStore
{
    private const string InsertCompletion =
        "INSERT INTO trial_completions (study_id, trial_id, lease_id, attempt, status, recorded_at) VALUES ($study, $trial, $lease, $attempt, $status, $at);";

    /// <inheritdoc />
    public async Task RecordCompletionsAsync(IReadOnlyList<TrialRecord> trials, IReadOnlyList<CompletionLogEntry> completions, CancellationToken cancellationToken = default)
    {
        if (!CompletionLogEntry.IsWorkToRecord(trials, completions))
        {
            return;
        }

        await _database.WriteAsync(
            async (connection, transaction) =>
            {
                _upsertTrial ??= new SqliteTrialUpsertCommand(connection);
                for (var i = 0; i < trials.Count; i++)
                {
                    await _upsertTrial.ExecuteAsync(transaction, trials[i], cancellationToken).ConfigureAwait(false);
                }

                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = InsertCompletion;
                var p = new[] { "$study", "$trial", "$lease", "$attempt", "$status", "$at" }
                    .Select(name => command.Parameters.Add(new SqliteParameter(name, DBNull.Value)))
                    .ToArray();
                foreach (var completion in completions)
                {
                    p[0].Value = completion.StudyId;
                    p[1].Value = completion.TrialId;
                    p[2].Value = completion.LeaseId is { } lease ? lease.ToString("D", CultureInfo.InvariantCulture) : DBNull.Value;
                    p[3].Value = completion.Attempt;
                    p[4].Value = (int)completion.Status;
                    p[5].Value = SqliteValues.FormatTimestamp(completion.RecordedAt);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return trials.Count + completions.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CompletionLogEntry>> GetCompletionsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await _database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText =
                    "SELECT study_id, trial_id, lease_id, attempt, status, recorded_at FROM trial_completions WHERE study_id = $study ORDER BY seq;";
                command.Parameters.AddWithValue("$study", studyId);
                var entries = new List<CompletionLogEntry>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    entries.Add(new CompletionLogEntry
                    {
                        StudyId = reader.GetString(0),
                        TrialId = reader.GetInt64(1),
                        LeaseId = reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                        Attempt = reader.GetInt32(3),
                        Status = (TrialStatus)reader.GetInt32(4),
                        RecordedAt = SqliteValues.ParseTimestamp(reader.GetString(5)),
                    });
                }

                return entries;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, int>> GetRecordedTwiceAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await _database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText =
                    "SELECT trial_id, count(*) FROM trial_completions WHERE study_id = $study GROUP BY trial_id HAVING count(*) > 1 ORDER BY trial_id;";
                command.Parameters.AddWithValue("$study", studyId);
                var twice = new Dictionary<long, int>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    twice[reader.GetInt64(0)] = reader.GetInt32(1);
                }

                return twice;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
