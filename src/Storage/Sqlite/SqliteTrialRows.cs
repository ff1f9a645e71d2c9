using Microsoft.Data.Sqlite;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Sqlite;

/// <summary>The trials table's SQL and the mapping of its rows to <see cref="TrialRecord"/>.</summary>
internal static class SqliteTrialRows
{
    /// <summary>The selected columns, in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "study_id, trial_id, architecture_key, canonical_key, status, attempt, source_trial_id, metrics, score, " +
        "feasible, error, trainer, created_at, finished_at, duration_seconds, display";

    /// <summary>Insert-or-update of one row; parameters are named after the columns.</summary>
    public const string Upsert =
        "INSERT INTO trials (" + Columns + ") VALUES ($study_id, $trial_id, $architecture_key, $canonical_key, $status, " +
        "$attempt, $source_trial_id, $metrics, $score, $feasible, $error, $trainer, $created_at, $finished_at, $duration_seconds, $display) " +
        "ON CONFLICT (study_id, trial_id) DO UPDATE SET architecture_key = excluded.architecture_key, " +
        "canonical_key = excluded.canonical_key, status = excluded.status, attempt = excluded.attempt, " +
        "source_trial_id = excluded.source_trial_id, metrics = excluded.metrics, score = excluded.score, " +
        "feasible = excluded.feasible, error = excluded.error, trainer = excluded.trainer, created_at = excluded.created_at, " +
        "finished_at = excluded.finished_at, duration_seconds = excluded.duration_seconds, display = excluded.display;";

    /// <summary>Reads the current row (selected with <see cref="Columns"/>).</summary>
    public static TrialRecord Read(SqliteDataReader reader) => new()
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
        Feasible = reader.GetInt64(9) != 0,
        Error = reader.IsDBNull(10) ? null : reader.GetString(10),
        Trainer = reader.IsDBNull(11) ? null : reader.GetString(11),
        CreatedAt = SqliteValues.ParseTimestamp(reader.GetString(12)),
        FinishedAt = reader.IsDBNull(13) ? null : SqliteValues.ParseTimestamp(reader.GetString(13)),
        DurationSeconds = reader.IsDBNull(14) ? null : reader.GetDouble(14),
        Display = reader.IsDBNull(15) ? null : reader.GetString(15),
    };
}
