using Azure;
using Azure.Data.Tables;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// The <see cref="IStrategyJournal"/> part of <see cref="AzureTrialStore"/>: <c>e_</c> rows (one per event, keyed by
/// strategy and sequence) and one <c>s_</c> row per strategy in the study's partition. An append inserts its events
/// (insert, not upsert: a stored event is never replaced) and, when some are stored already, reads which and inserts
/// only the others; a snapshot replaces the stored one
/// only when it covers at least as many events, conditionally on the stored row's ETag. A snapshot state longer than
/// <see cref="InlineSnapshotChars"/> characters goes to a blob the row names (entities hold at most 1 MiB).
/// </summary>
public sealed partial class AzureTrialStore
{
    /// <summary>The longest snapshot state kept in its table row; longer ones are kept in a blob.</summary>
    internal const int InlineSnapshotChars = 256 * 1024;

    /// <inheritdoc />
    public async Task AppendStrategyEventsAsync(string studyId, string strategy, IReadOnlyList<StrategyJournalEvent> events, CancellationToken cancellationToken = default)
    {
        if (!StrategyJournalArguments.IsWorkToAppend(studyId, strategy, events))
        {
            return;
        }

        var partition = AzureKeys.Encode(studyId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        // Optimistic: insert them all (one round trip); only when some are stored already read which and insert the rest.
        var stored = new HashSet<long>();
        for (var attempt = 1; ; attempt++)
        {
            var actions = events
                .Where(e => !stored.Contains(e.Sequence))
                .Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventEntity(partition, strategy, e)))
                .ToList();
            try
            {
                await AzureBatches.SubmitAsync(_trials, actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && attempt < 10)
            {
                // Another writer (or this call's lost first attempt) stored some of them: skip those and go on.
                stored = await StoredSequencesAsync(partition, strategy, events[0].Sequence, events[^1].Sequence, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StrategyJournalEvent>> GetStrategyEventsAsync(string studyId, string strategy, long afterSequence, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var partition = AzureKeys.Quote(AzureKeys.Encode(studyId));
        var prefix = AzureKeys.EventPrefix(strategy);
        var from = afterSequence == long.MaxValue ? null : AzureKeys.Quote(AzureKeys.EventRow(strategy, afterSequence + 1));
        if (from is null)
        {
            return [];
        }

        var filter = $"PartitionKey eq '{partition}' and RowKey ge '{from}' and RowKey lt '{AzureKeys.Quote(prefix[..^1] + "}")}'";
        var events = new List<StrategyJournalEvent>();
        await foreach (var entity in _trials.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(new StrategyJournalEvent
            {
                Sequence = entity.GetInt64("Sequence") ?? 0,
                Kind = (StrategyEventKind)(entity.GetInt32("Kind") ?? 0),
                TrialId = entity.GetInt64("TrialId") ?? 0,
                ArchitectureKey = AzureText.Get(entity, "ArchitectureKey") ?? "",
                Score = entity.GetDouble("Score"),
            });
        }

        return events;
    }

    /// <inheritdoc />
    public async Task SaveStrategySnapshotAsync(string studyId, string strategy, StrategySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckSnapshot(studyId, strategy, snapshot);
        var partition = AzureKeys.Encode(studyId);
        var row = AzureKeys.SnapshotRow(strategy);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var current = await GetEntityAsync(_trials, partition, row, cancellationToken).ConfigureAwait(false);
            if (current is not null && current.GetInt64("Sequence") > snapshot.Sequence)
            {
                return;
            }

            var entity = new TableEntity(partition, row) { ["Sequence"] = snapshot.Sequence };
            string? blob = null;
            if (snapshot.State.Length <= InlineSnapshotChars)
            {
                AzureText.Set(entity, "State", snapshot.State);
            }
            else
            {
                blob = $"{StudyBlobPrefix(studyId)}snapshots/{AzureKeys.Encode(strategy)}/{snapshot.Sequence}-{Guid.NewGuid():N}";
                await _blobs.GetBlobClient(blob).UploadAsync(BinaryData.FromString(snapshot.State), overwrite: true, cancellationToken).ConfigureAwait(false);
                entity["StateBlob"] = blob;
            }

            try
            {
                if (current is null)
                {
                    await _trials.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _trials.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                await DeleteBlobIfAnyAsync(blob, cancellationToken).ConfigureAwait(false);
                continue; // Another writer saved one meanwhile: compare with it.
            }

            await DeleteBlobIfAnyAsync(current?.GetString("StateBlob"), cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    /// <inheritdoc />
    public async Task<StrategySnapshot?> GetStrategySnapshotAsync(string studyId, string strategy, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        var entity = await GetEntityAsync(_trials, AzureKeys.Encode(studyId), AzureKeys.SnapshotRow(strategy), cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return null;
        }

        var sequence = entity.GetInt64("Sequence") ?? 0;
        if (entity.GetString("StateBlob") is not { } blob)
        {
            return new StrategySnapshot(sequence, AzureText.Get(entity, "State") ?? "");
        }

        var content = await _blobs.GetBlobClient(blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return new StrategySnapshot(sequence, content.Value.Content.ToString());
    }

    /// <inheritdoc />
    public async Task DeleteStrategyJournalAsync(string studyId, string strategy, CancellationToken cancellationToken = default)
    {
        StrategyJournalArguments.CheckNames(studyId, strategy);
        var partition = AzureKeys.Encode(studyId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await AzureBatches.DeleteWhereAsync(_trials, AzureKeys.StartsWith(partition, AzureKeys.EventPrefix(strategy)), cancellationToken).ConfigureAwait(false);
        var snapshot = await GetEntityAsync(_trials, partition, AzureKeys.SnapshotRow(strategy), cancellationToken).ConfigureAwait(false);
        if (snapshot is not null)
        {
            await DeleteIfExistsAsync(_trials, partition, snapshot.RowKey, cancellationToken).ConfigureAwait(false);
            await DeleteBlobIfAnyAsync(snapshot.GetString("StateBlob"), cancellationToken).ConfigureAwait(false);
        }
    }

    private static TableEntity EventEntity(string partition, string strategy, StrategyJournalEvent e)
    {
        var entity = new TableEntity(partition, AzureKeys.EventRow(strategy, e.Sequence))
        {
            ["Sequence"] = e.Sequence,
            ["Kind"] = (int)e.Kind,
            ["TrialId"] = e.TrialId,
        };
        AzureText.Set(entity, "ArchitectureKey", e.ArchitectureKey);
        AzureTrialRows.SetIf<double>(entity, "Score", e.Score is { } s && !double.IsNaN(s) ? s : null);
        return entity;
    }

    private async Task<HashSet<long>> StoredSequencesAsync(string partition, string strategy, long first, long last, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{AzureKeys.Quote(partition)}' and RowKey ge '{AzureKeys.Quote(AzureKeys.EventRow(strategy, first))}' and RowKey le '{AzureKeys.Quote(AzureKeys.EventRow(strategy, last))}'";
        var stored = new HashSet<long>();
        await foreach (var entity in _trials.QueryAsync<TableEntity>(filter, select: ["Sequence"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            stored.Add(entity.GetInt64("Sequence") ?? 0);
        }

        return stored;
    }
}
