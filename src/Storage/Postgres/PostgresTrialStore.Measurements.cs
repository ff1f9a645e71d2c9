using Npgsql;

namespace NasOrleans.Storage.Postgres;

/// <summary>The <see cref="IMeasurementStore"/> part of <see cref="PostgresTrialStore"/>: the trial_measurements table.</summary>
public sealed partial class PostgresTrialStore
{
    /// <inheritdoc />
    public async Task AppendMeasurementsAsync(IReadOnlyList<TrialMeasurement> measurements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        if (measurements.Count == 0)
        {
            return;
        }

        var rows = PostgresMeasurementRows.Normalize(measurements);
        await _database.ExecuteAsync(
            "append measurements",
            async (connection, _, token) =>
            {
                await using var command = new NpgsqlCommand(PostgresMeasurementRows.Upsert, connection);
                PostgresMeasurementRows.Bind(command, rows);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialMeasurement>> GetMeasurementsAsync(string studyId, long trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await QueryAsync(PostgresMeasurementRows.Select, [studyId, trialId], PostgresMeasurementRows.Read, cancellationToken).ConfigureAwait(false);
    }
}
