using Npgsql;
using NpgsqlTypes;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// The <see cref="IArtifactStore"/> part of <see cref="PostgresTrialStore"/>: the artifacts table (schema version 4),
/// one row per kept version with the content as bytea (fine up to a few hundred MB; beyond that an object store such
/// as Azure Blob is the path). A put takes a transaction-scoped advisory lock on its study and name before it reads
/// the latest version, so puts of one artifact from any number of silos run one after another and of two conditional
/// puts exactly one wins. Each put has a write id kept across retries: a put retried after an unclear commit returns
/// the version it already stored.
/// </summary>
public sealed partial class PostgresTrialStore
{
    private const string SelectArtifact = "SELECT version, sha256, metadata::text, created_at, content FROM artifacts ";

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
        var writeId = Guid.NewGuid();
        var version = await _database.InTransactionAsync(
            "put artifact",
            async (connection, transaction, token) =>
            {
                var (current, ours) = await LockAndReadVersionsAsync(connection, transaction, studyId, name, writeId, token).ConfigureAwait(false);

                if (ours > 0)
                {
                    return ours; // An earlier attempt of this put committed; its acknowledgement was lost.
                }

                if (write.ExpectedVersion is { } expected && expected != current)
                {
                    _logger.ArtifactConflict(studyId, name, expected, current);
                    throw new ArtifactVersionConflictException(studyId, name, expected, current);
                }

                await using var batch = new NpgsqlBatch(connection, transaction);
                var insert = new NpgsqlBatchCommand(
                    "INSERT INTO artifacts (study_id, name, version, size, sha256, metadata, write_id, created_at, content) " +
                    "VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)");
                foreach (var value in new object[] { studyId, name, current + 1, (long)content.Length, write.Sha256, write.MetadataJson, writeId, DateTimeOffset.UtcNow.UtcTicks })
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = write.ContentArray() });
                var prune = new NpgsqlBatchCommand("DELETE FROM artifacts WHERE study_id = $1 AND name = $2 AND version <= $3");
                foreach (var value in new object[] { studyId, name, _artifactRules.LastVersionToDrop(current + 1) })
                {
                    prune.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                batch.BatchCommands.Add(insert);
                batch.BatchCommands.Add(prune);
                await batch.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return current + 1;
            },
            cancellationToken).ConfigureAwait(false);
        _logger.ArtifactStored(studyId, name, version, content.Length);
        return version;
    }

    /// <inheritdoc />
    public async Task<StoredArtifact?> GetLatestArtifactAsync(string studyId, string name, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckNames(studyId, name);
        return await ReadArtifactAsync(studyId, name, SelectArtifact + "WHERE study_id = $1 AND name = $2 ORDER BY version DESC LIMIT 1", [studyId, name], cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredArtifact?> GetArtifactAsync(string studyId, string name, long version, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckNames(studyId, name);
        return await ReadArtifactAsync(studyId, name, SelectArtifact + "WHERE study_id = $1 AND name = $2 AND version = $3", [studyId, name, version], cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactInfo>> ListArtifactsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await QueryAsync(
            "SELECT name, version, size, sha256, created_at FROM artifacts WHERE study_id = $1 " +
            "AND (name, version) IN (SELECT name, max(version) FROM artifacts WHERE study_id = $1 GROUP BY name) ORDER BY name COLLATE \"C\"",
            [studyId],
            reader => new ArtifactInfo(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), PostgresValues.FromTicks(reader.GetInt64(4))),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task DeleteStudyArtifactsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return QueryAsync("DELETE FROM artifacts WHERE study_id = $1", [studyId], _ => 0, cancellationToken);
    }

    // Takes the put's advisory lock (held to the end of the transaction), then reads the latest version and the
    // version this put stored on an earlier attempt (0 for none). Read after the lock, so a put that committed while
    // this one waited is seen.
    private static async Task<(long Current, long Ours)> LockAndReadVersionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string studyId, string name, Guid writeId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var lockCommand = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended('nasorleans.artifact/' || current_schema() || '/' || $1 || '/' || $2, 0))");
        lockCommand.Parameters.Add(new NpgsqlParameter { Value = studyId });
        lockCommand.Parameters.Add(new NpgsqlParameter { Value = name });
        var read = new NpgsqlBatchCommand(
            "SELECT coalesce(max(version), 0), coalesce(max(version) FILTER (WHERE write_id = $3), 0) FROM artifacts WHERE study_id = $1 AND name = $2");
        read.Parameters.Add(new NpgsqlParameter { Value = studyId });
        read.Parameters.Add(new NpgsqlParameter { Value = name });
        read.Parameters.Add(new NpgsqlParameter { Value = writeId });
        batch.BatchCommands.Add(lockCommand);
        batch.BatchCommands.Add(read);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<StoredArtifact?> ReadArtifactAsync(string studyId, string name, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            sql,
            parameters,
            reader => new StoredArtifact
            {
                StudyId = studyId,
                Name = name,
                Version = reader.GetInt64(0),
                Sha256 = reader.GetString(1),
                Metadata = StorageJsonMaps.ParseStrings(reader.GetString(2)),
                CreatedAt = PostgresValues.FromTicks(reader.GetInt64(3)),
                Content = reader.GetFieldValue<byte[]>(4),
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : ArtifactRules.Verify(rows[0], _logger);
    }
}
