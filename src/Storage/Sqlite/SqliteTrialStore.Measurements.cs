using Microsoft.Data.Sqlite;

namespace NasOrleans.Storage.Sqlite;

/// <summary>The <see cref="IMeasurementStore"/> part of <see cref="SqliteTrialStore"/>: the trial_measurements table (schema version 2).</summary>
public sealed partial class SqliteTrialStore
{
    private const string UpsertMeasurement =
        "INSERT INTO trial_measurements (study_id, trial_id, step, metrics, recorded_at) VALUES ($study, $trial, $step, $metrics, $at) " +
        "ON CONFLICT (study_id, trial_id, step) DO UPDATE SET metrics = excluded.metrics, recorded_at = excluded.recorded_at;";

    /// <inheritdoc />
    public async Task AppendMeasurementsAsync(IReadOnlyList<TrialMeasurement> measurements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        foreach (var measurement in measurements)
        {
            ArgumentNullException.ThrowIfNull(measurement);
            ArgumentException.ThrowIfNullOrEmpty(measurement.StudyId);
        }

        if (measurements.Count == 0)
        {
            return;
        }

        await _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = UpsertMeasurement;
                var p = new[] { "$study", "$trial", "$step", "$metrics", "$at" }
                    .Select(name => command.Parameters.Add(new SqliteParameter(name, DBNull.Value)))
                    .ToArray();
                foreach (var measurement in measurements)
                {
                    p[0].Value = measurement.StudyId;
                    p[1].Value = measurement.TrialId;
                    p[2].Value = measurement.Step;
                    p[3].Value = StorageJsonMaps.FormatMetrics(measurement.Metrics);
                    p[4].Value = SqliteValues.FormatTimestamp(measurement.RecordedAt);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return measurements.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialMeasurement>> GetMeasurementsAsync(string studyId, long trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await _database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText =
                    "SELECT study_id, trial_id, step, metrics, recorded_at FROM trial_measurements WHERE study_id = $study AND trial_id = $trial ORDER BY step;";
                command.Parameters.AddWithValue("$study", studyId);
                command.Parameters.AddWithValue("$trial", trialId);
                var curve = new List<TrialMeasurement>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    curve.Add(new TrialMeasurement
                    {
                        StudyId = reader.GetString(0),
                        TrialId = reader.GetInt64(1),
                        Step = reader.GetInt64(2),
                        Metrics = StorageJsonMaps.ParseMetrics(reader.GetString(3)),
                        RecordedAt = SqliteValues.ParseTimestamp(reader.GetString(4)),
                    });
                }

                return curve;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
