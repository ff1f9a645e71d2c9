using Azure.Data.Tables;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// The <see cref="IMeasurementStore"/> part of <see cref="AzureTrialStore"/>: <c>m_</c> rows in the study's partition,
/// keyed by trial and step (so they read back in step order), upserted in transactions of up to 100.
/// </summary>
public sealed partial class AzureTrialStore
{
    /// <inheritdoc />
    public async Task AppendMeasurementsAsync(IReadOnlyList<TrialMeasurement> measurements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        if (measurements.Count == 0)
        {
            return;
        }

        var byKey = new Dictionary<(string, long, long), TableEntity>(measurements.Count);
        foreach (var m in measurements)
        {
            ArgumentNullException.ThrowIfNull(m);
            ArgumentException.ThrowIfNullOrEmpty(m.StudyId);
            var entity = new TableEntity(AzureKeys.Encode(m.StudyId), AzureKeys.MeasurementRow(m.TrialId, m.Step))
            {
                ["TrialId"] = m.TrialId,
                ["Step"] = m.Step,
                ["RecordedAt"] = m.RecordedAt.UtcTicks,
            };
            AzureText.Set(entity, "Metrics", StorageJsonMaps.FormatMetrics(m.Metrics));
            AzureText.CheckSize(entity, $"Measurement {m.Step} of trial {m.TrialId} of study '{m.StudyId}'");
            byKey[(m.StudyId, m.TrialId, m.Step)] = entity;
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await AzureBatches.SubmitAsync(
            _trials, byKey.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialMeasurement>> GetMeasurementsAsync(string studyId, long trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<TrialMeasurement>();
        var filter = AzureKeys.StartsWith(AzureKeys.Encode(studyId), AzureKeys.Measurement + AzureKeys.Number(trialId) + "_");
        await foreach (var entity in _trials.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new TrialMeasurement
            {
                StudyId = studyId,
                TrialId = trialId,
                Step = entity.GetInt64("Step") ?? 0,
                Metrics = StorageJsonMaps.ParseMetrics(AzureText.Get(entity, "Metrics") ?? "{}"),
                RecordedAt = AzureTrialRows.FromTicks(entity.GetInt64("RecordedAt") ?? 0),
            });
        }

        return rows;
    }
}
