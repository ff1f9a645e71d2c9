using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// The <see cref="IArtifactStore"/> part of <see cref="AzureTrialStore"/>: each version's content is a blob of its own
/// (named by the put's write id, so no two puts ever write the same blob); the study's partition holds one <c>v_</c>
/// row per kept version and one <c>a_</c> head row per name with the latest version. A put uploads its blob, then in
/// one entity group transaction replaces the head conditionally on the ETag it read, adds the version row and drops
/// the rows of versions no longer kept; of two puts that read the same head exactly one commits, and the other reads
/// again (an unconditional put) or reports the conflict (a conditional one). The blobs of dropped versions and of
/// losing puts are deleted afterwards (a crash in between leaves an unreferenced blob, never a missing one).
/// </summary>
public sealed partial class AzureTrialStore
{
    private readonly ArtifactRules _artifactRules;

    /// <inheritdoc />
    public async Task<long> PutArtifactAsync(
        string studyId,
        string name,
        ReadOnlyMemory<byte> content,
        IReadOnlyDictionary<string, string>? metadata = null,
        long? expectedVersion = null,
        CancellationToken cancellationToken = default)
    {
        var write = _artifactRules.PreparePut(studyId, name, content, metadata, expectedVersion);
        var writeId = Guid.NewGuid().ToString("N");
        var partition = AzureKeys.Encode(studyId);
        var blob = $"{StudyBlobPrefix(studyId)}artifacts/{AzureKeys.Encode(name)}/{writeId}";
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var uploaded = false;
        while (true)
        {
            var head = await GetEntityAsync(_trials, partition, AzureKeys.HeadRow(name), cancellationToken).ConfigureAwait(false);
            var current = head?.GetInt64("Version") ?? 0;
            if (head?.GetString("WriteId") == writeId)
            {
                return current; // An earlier attempt of this put committed; its acknowledgement was lost.
            }

            if (write.ExpectedVersion is { } expected && expected != current)
            {
                await DeleteBlobIfAnyAsync(uploaded ? blob : null, cancellationToken).ConfigureAwait(false);
                _logger.ArtifactConflict(studyId, name, expected, current);
                throw new ArtifactVersionConflictException(studyId, name, expected, current);
            }

            if (!uploaded)
            {
                await _blobs.GetBlobClient(blob).UploadAsync(new BinaryData(write.Content), overwrite: true, cancellationToken).ConfigureAwait(false);
                uploaded = true;
            }

            var version = current + 1;
            var row = new TableEntity(partition, AzureKeys.VersionRow(name, version))
            {
                ["Name"] = name,
                ["Version"] = version,
                ["Size"] = (long)content.Length,
                ["Sha256"] = write.Sha256,
                ["Blob"] = blob,
                ["WriteId"] = writeId,
                ["CreatedAt"] = DateTimeOffset.UtcNow.UtcTicks,
            };
            AzureText.Set(row, "Metadata", write.MetadataJson);
            var newHead = new TableEntity(partition, AzureKeys.HeadRow(name));
            foreach (var key in new[] { "Name", "Version", "Size", "Sha256", "Blob", "WriteId", "CreatedAt" })
            {
                newHead[key] = row[key];
            }

            var dropped = await VersionRowsAsync(partition, name, _artifactRules.LastVersionToDrop(version), cancellationToken).ConfigureAwait(false);
            var actions = new List<TableTransactionAction>
            {
                head is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, newHead)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.ETag),
                new(TableTransactionActionType.Add, row),
            };
            actions.AddRange(dropped.Take(AzureBatches.MaxActions - 2).Select(d => new TableTransactionAction(TableTransactionActionType.Delete, d, ETag.All)));
            try
            {
                await _trials.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                continue; // Another put committed meanwhile: read its head and decide again.
            }

            foreach (var old in dropped.Take(AzureBatches.MaxActions - 2))
            {
                await DeleteBlobIfAnyAsync(old.GetString("Blob"), cancellationToken).ConfigureAwait(false);
            }

            _logger.ArtifactStored(studyId, name, version, content.Length);
            return version;
        }
    }

    /// <inheritdoc />
    public async Task<StoredArtifact?> GetLatestArtifactAsync(string studyId, string name, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckNames(studyId, name);
        var head = await GetEntityAsync(_trials, AzureKeys.Encode(studyId), AzureKeys.HeadRow(name), cancellationToken).ConfigureAwait(false);
        return head is null ? null : await GetArtifactAsync(studyId, name, head.GetInt64("Version") ?? 0, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredArtifact?> GetArtifactAsync(string studyId, string name, long version, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckNames(studyId, name);
        var row = await GetEntityAsync(_trials, AzureKeys.Encode(studyId), AzureKeys.VersionRow(name, version), cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        BlobDownloadResult content;
        try
        {
            content = (await _blobs.GetBlobClient(row.GetString("Blob")).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // Dropped by a newer put between the two reads.
        }

        return ArtifactRules.Verify(
            new StoredArtifact
            {
                StudyId = studyId,
                Name = name,
                Version = version,
                Sha256 = row.GetString("Sha256") ?? "",
                Metadata = StorageJsonMaps.ParseStrings(AzureText.Get(row, "Metadata") ?? "{}"),
                CreatedAt = AzureTrialRows.FromTicks(row.GetInt64("CreatedAt") ?? 0),
                Content = content.Content.ToMemory(),
            },
            _logger);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactInfo>> ListArtifactsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<ArtifactInfo>();
        await foreach (var head in _trials.QueryAsync<TableEntity>(AzureKeys.StartsWith(AzureKeys.Encode(studyId), AzureKeys.ArtifactHead), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ArtifactInfo(
                head.GetString("Name"),
                head.GetInt64("Version") ?? 0,
                head.GetInt64("Size") ?? 0,
                head.GetString("Sha256") ?? "",
                AzureTrialRows.FromTicks(head.GetInt64("CreatedAt") ?? 0)));
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return list;
    }

    /// <inheritdoc />
    public async Task DeleteStudyArtifactsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var partition = AzureKeys.Encode(studyId);
        await AzureBatches.DeleteWhereAsync(_trials, AzureKeys.StartsWith(partition, AzureKeys.ArtifactHead), cancellationToken).ConfigureAwait(false);
        await AzureBatches.DeleteWhereAsync(_trials, AzureKeys.StartsWith(partition, AzureKeys.ArtifactVersion), cancellationToken).ConfigureAwait(false);
        await DeleteBlobsAsync(StudyBlobPrefix(studyId) + "artifacts/", cancellationToken).ConfigureAwait(false);
    }

    private static string StudyBlobPrefix(string studyId) => AzureKeys.Encode(studyId) + "/";

    private async Task<List<TableEntity>> VersionRowsAsync(string partition, string name, long upTo, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        if (upTo < 1)
        {
            return rows;
        }

        var filter = $"PartitionKey eq '{AzureKeys.Quote(partition)}' and RowKey ge '{AzureKeys.Quote(AzureKeys.VersionPrefix(name))}' and RowKey le '{AzureKeys.Quote(AzureKeys.VersionRow(name, upTo))}'";
        await foreach (var row in _trials.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Blob"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task DeleteBlobsAsync(string prefix, CancellationToken cancellationToken)
    {
        await foreach (var item in _blobs.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            await DeleteBlobIfAnyAsync(item.Name, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteBlobIfAnyAsync(string? blob, CancellationToken cancellationToken)
    {
        if (blob is not null)
        {
            await _blobs.GetBlobClient(blob).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
