using Npgsql;

namespace NasOrleans.Storage.Postgres;

/// <summary>The trial_measurements table's SQL and row mapping (a batch is one <c>unnest</c> statement).</summary>
internal static class PostgresMeasurementRows
{
    /// <summary>The batched insert-or-update; $1..$5 are arrays of study, trial, step, metrics JSON and ticks.</summary>
    public const string Upsert =
        "INSERT INTO trial_measurements (study_id, trial_id, step, metrics, recorded_at) " +
        "SELECT u.study_id, u.trial_id, u.step, u.metrics::jsonb, u.recorded_at " +
        "FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::bigint[]) AS u(study_id, trial_id, step, metrics, recorded_at) " +
        "ON CONFLICT (study_id, trial_id, step) DO UPDATE SET metrics = excluded.metrics, recorded_at = excluded.recorded_at";

    /// <summary>A trial's measurements by step; $1 study, $2 trial.</summary>
    public const string Select =
        "SELECT study_id, trial_id, step, metrics, recorded_at FROM trial_measurements WHERE study_id = $1 AND trial_id = $2 ORDER BY step";

    /// <summary>The last measurement of each key, in key order (see <see cref="PostgresTrialRows.Normalize"/>).</summary>
    public static List<TrialMeasurement> Normalize(IReadOnlyList<TrialMeasurement> measurements)
    {
        var byKey = new Dictionary<(string, long, long), TrialMeasurement>(measurements.Count);
        foreach (var measurement in measurements)
        {
            ArgumentNullException.ThrowIfNull(measurement);
            ArgumentException.ThrowIfNullOrEmpty(measurement.StudyId);
            byKey[(measurement.StudyId, measurement.TrialId, measurement.Step)] = measurement;
        }

        return [.. byKey.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2).ThenBy(p => p.Key.Item3).Select(p => p.Value)];
    }

    /// <summary>Adds the five column arrays of <paramref name="rows"/> to <paramref name="command"/>.</summary>
    public static void Bind(NpgsqlCommand command, List<TrialMeasurement> rows)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(m => m.StudyId) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(m => m.TrialId) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(m => m.Step) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(m => StorageJsonMaps.FormatMetrics(m.Metrics)) });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ConvertAll(m => m.RecordedAt.UtcTicks) });
    }

    /// <summary>Reads the current row (selected by <see cref="Select"/>).</summary>
    public static TrialMeasurement Read(NpgsqlDataReader reader) => new()
    {
        StudyId = reader.GetString(0),
        TrialId = reader.GetInt64(1),
        Step = reader.GetInt64(2),
        Metrics = StorageJsonMaps.ParseMetrics(reader.GetString(3)),
        RecordedAt = PostgresValues.FromTicks(reader.GetInt64(4)),
    };
}
