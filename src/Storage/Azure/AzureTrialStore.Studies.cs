using Azure.Data.Tables;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Azure;

/// <summary>The study summaries of <see cref="AzureTrialStore"/>: one row per study in the studies table's single partition.</summary>
public sealed partial class AzureTrialStore
{
    /// <inheritdoc />
    public async Task UpsertStudyAsync(StudySummary study, CancellationToken cancellationToken = default)
    {
        var entity = AzureStudyRows.ToEntity(study);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _studies.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var entity = await GetEntityAsync(_studies, AzureKeys.StudiesPartition, AzureKeys.Encode(studyId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : AzureStudyRows.FromEntity(entity);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var studies = new List<StudySummary>();
        var filter = $"PartitionKey eq '{AzureKeys.StudiesPartition}'";
        await foreach (var entity in _studies.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            studies.Add(AzureStudyRows.FromEntity(entity));
        }

        studies.Sort(static (a, b) =>
        {
            var created = b.CreatedAt.CompareTo(a.CreatedAt);
            return created != 0 ? created : string.CompareOrdinal(a.StudyId, b.StudyId);
        });
        return studies;
    }
}
