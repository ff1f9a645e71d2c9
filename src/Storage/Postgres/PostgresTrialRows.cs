using Npgsql;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// The trials table's SQL and the mapping of its rows to <see cref="TrialRecord"/>. A batch is upserted with one
/// statement over <c>unnest</c> of one array per column: one round trip, one plan, however many rows.
/// </summary>
internal static class PostgresTrialRows
{
    /// <summary>The selected columns, in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "study_id, trial_id, architecture_key, canonical_key, status, attempt, source_trial_id, metrics, score, " +
        "feasible, error, trainer, created_at, finished_at, duration_seconds, display";

    /// <summary>The batched insert-or-update; parameters $1..$16 are arrays, one per column.</summary>
    public const string Upsert =
        "INSERT INTO trials (" + Columns + ") " +
        "SELECT u.study_id, u.trial_id, u.architecture_key, u.canonical_key, u.status, u.attempt, u.source_trial_id, u.metrics::jsonb, " +
        "u.score, u.feasible, u.error, u.trainer, u.created_at, u.finished_at, u.duration_seconds, u.display " +
        "FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::integer[], $6::integer[], $7::bigint[], $8::text[], " +
        "$9::double precision[], $10::boolean[], $11::text[], $12::text[], $13::bigint[], $14::bigint[], $15::double precision[], $16::text[]) " +
        "AS u(" + Columns + ") " +
        "ON CONFLICT (study_id, trial_id) DO UPDATE SET architecture_key = excluded.architecture_key, " +
        "canonical_key = excluded.canonical_key, status = excluded.status, attempt = excluded.attempt, " +
        "source_trial_id = excluded.source_trial_id, metrics = excluded.metrics, score = excluded.score, " +
        "feasible = excluded.feasible, error = excluded.error, trainer = excluded.trainer, created_at = excluded.created_at, " +
        "finished_at = excluded.finished_at, duration_seconds = excluded.duration_seconds, display = excluded.display";

    /// <summary>
    /// The rows to write: the last record of each key wins (one statement may not update a row twice), in key order
    /// (concurrent batches then lock rows in the same order and cannot deadlock).
    /// </summary>
    public static List<TrialRecord> Normalize(IReadOnlyList<TrialRecord> trials)
    {
        var byKey = new Dictionary<(string, long), TrialRecord>(trials.Count);
        foreach (var trial in trials)
        {
            ArgumentNullException.ThrowIfNull(trial);
            byKey[(trial.StudyId, trial.TrialId)] = trial;
        }

        var rows = byKey.Values.ToList();
        rows.Sort(static (a, b) =>
        {
            var study = string.CompareOrdinal(a.StudyId, b.StudyId);
            return study != 0 ? study : a.TrialId.CompareTo(b.TrialId);
        });
        return rows;
    }

    /// <summary>Adds the 16 column arrays of <paramref name="rows"/> to <paramref name="command"/>.</summary>
    public static void Bind(NpgsqlCommand command, List<TrialRecord> rows)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.StudyId) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.TrialId) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.ArchitectureKey) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.CanonicalKey) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => (int)t.Status) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.Attempt) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.SourceTrialId) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => StorageJsonMaps.FormatMetrics(t.Metrics)) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => PostgresValues.WithoutNaN(t.Score)) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.Feasible) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.Error) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.Trainer) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.CreatedAt.UtcTicks) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => PostgresValues.Ticks(t.FinishedAt)) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => PostgresValues.WithoutNaN(t.DurationSeconds)) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(t => t.Display) });
    }

    /// <summary>Reads the current row (selected with <see cref="Columns"/>).</summary>
    public static TrialRecord Read(NpgsqlDataReader reader) => new()
    {
        StudyId = reader.GetString(0),
        TrialId = reader.GetInt64(1),
        ArchitectureKey = reader.GetString(2),
        CanonicalKey = reader.GetString(3),
        Status = (TrialStatus)reader.GetInt32(4),
        Attempt = reader.GetInt32(5),
        SourceTrialId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
        Metrics = StorageJsonMaps.ParseMetrics(reader.GetString(7)),
        Score = reader.IsDBNull(8) ? null : reader.GetDouble(8),
        Feasible = reader.GetBoolean(9),
        Error = reader.IsDBNull(10) ? null : reader.GetString(10),
        Trainer = reader.IsDBNull(11) ? null : reader.GetString(11),
        CreatedAt = PostgresValues.FromTicks(reader.GetInt64(12)),
        FinishedAt = reader.IsDBNull(13) ? null : PostgresValues.FromTicks(reader.GetInt64(13)),
        DurationSeconds = reader.IsDBNull(14) ? null : reader.GetDouble(14),
        Display = reader.IsDBNull(15) ? null : reader.GetString(15),
    };
}
