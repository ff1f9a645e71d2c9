using Microsoft.Data.Sqlite;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// The <see cref="IArtifactStore"/> part of <see cref="SqliteTrialStore"/>: the artifacts table (schema version 5),
/// one row per kept version with the content as a BLOB. A put runs in one write transaction (BEGIN IMMEDIATE), which
/// holds the file's write lock from the version check to the commit, so of two conditional puts (from this process
/// or another on the same file) exactly one wins.
/// </summary>
public sealed partial class SqliteTrialStore
{
    private const string SelectArtifact = "SELECT version, sha256, metadata, created_at, content FROM artifacts ";

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
        var version = await _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SELECT coalesce(max(version), 0) FROM artifacts WHERE study_id = $study AND name = $name;";
                command.Parameters.AddWithValue("$study", studyId);
                command.Parameters.AddWithValue("$name", name);
                var current = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                if (write.ExpectedVersion is { } expected && expected != current)
                {
                    _logger.ArtifactConflict(studyId, name, expected, current);
                    throw new ArtifactVersionConflictException(studyId, name, expected, current);
                }

                command.CommandText =
                    "INSERT INTO artifacts (study_id, name, version, size, sha256, metadata, created_at, content) " +
                    "VALUES ($study, $name, $version, $size, $sha, $metadata, $at, $content); " +
                    "DELETE FROM artifacts WHERE study_id = $study AND name = $name AND version <= $drop;";
                command.Parameters.AddWithValue("$version", current + 1);
                command.Parameters.AddWithValue("$size", (long)content.Length);
                command.Parameters.AddWithValue("$sha", write.Sha256);
                command.Parameters.AddWithValue("$metadata", write.MetadataJson);
                command.Parameters.AddWithValue("$at", SqliteValues.FormatTimestamp(DateTimeOffset.UtcNow));
                command.Parameters.Add(new SqliteParameter("$content", SqliteType.Blob) { Value = write.ContentArray() });
                command.Parameters.AddWithValue("$drop", _artifactRules.LastVersionToDrop(current + 1));
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return current + 1;
            },
            cancellationToken).ConfigureAwait(false);
        _logger.ArtifactStored(studyId, name, version, content.Length);
        return version;
    }

    /// <inheritdoc />
    public Task<StoredArtifact?> GetLatestArtifactAsync(string studyId, string name, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckNames(studyId, name);
        return ReadArtifactAsync(studyId, name, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredArtifact?> GetArtifactAsync(string studyId, string name, long version, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckNames(studyId, name);
        return ReadArtifactAsync(studyId, name, version, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactInfo>> ListArtifactsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await _database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText =
                    "SELECT name, version, size, sha256, created_at FROM artifacts a WHERE study_id = $study " +
                    "AND version = (SELECT max(version) FROM artifacts b WHERE b.study_id = a.study_id AND b.name = a.name) ORDER BY name;";
                command.Parameters.AddWithValue("$study", studyId);
                var list = new List<ArtifactInfo>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new ArtifactInfo(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), SqliteValues.ParseTimestamp(reader.GetString(4))));
                }

                return list;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task DeleteStudyArtifactsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM artifacts WHERE study_id = $study;";
                command.Parameters.AddWithValue("$study", studyId);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private async Task<StoredArtifact?> ReadArtifactAsync(string studyId, string name, long? version, CancellationToken cancellationToken)
    {
        var artifact = await _database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SelectArtifact + (version is null
                    ? "WHERE study_id = $study AND name = $name ORDER BY version DESC LIMIT 1;"
                    : "WHERE study_id = $study AND name = $name AND version = $version;");
                command.Parameters.AddWithValue("$study", studyId);
                command.Parameters.AddWithValue("$name", name);
                command.Parameters.AddWithValue("$version", version ?? 0);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new StoredArtifact
                    {
                        StudyId = studyId,
                        Name = name,
                        Version = reader.GetInt64(0),
                        Sha256 = reader.GetString(1),
                        Metadata = StorageJsonMaps.ParseStrings(reader.GetString(2)),
                        CreatedAt = SqliteValues.ParseTimestamp(reader.GetString(3)),
                        Content = reader.IsDBNull(4) ? Array.Empty<byte>() : reader.GetFieldValue<byte[]>(4),
                    }
                    : null;
            },
            cancellationToken).ConfigureAwait(false);
        return artifact is null ? null : ArtifactRules.Verify(artifact, _logger);
    }
}
