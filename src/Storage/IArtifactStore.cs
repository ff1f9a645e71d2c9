namespace NasOrleans.Storage;

/// <summary>
/// Versioned binary artifacts of a study (checkpoints of long jobs), kept where every silo can read them, so that a
/// job another trainer takes over resumes from its last checkpoint. An artifact is named by its study and a name
/// within it; each put stores a new version (1, 2, 3, ... per name) and only the newest
/// <see cref="ArtifactStoreOptions.VersionsToKeep"/> versions are kept. Content is stored with its SHA-256, which every
/// read verifies. The interface is storage-neutral: the SQLite, PostgreSQL and in-memory trial stores implement it in
/// their own database (fine up to a few hundred MB per artifact; an object store such as Azure Blob is the path
/// beyond), and deleting a study through <see cref="ITrialStore.DeleteStudyAsync"/> deletes its artifacts too.
/// Implementations are safe for concurrent use, also from several processes or silos on one database.
/// </summary>
public interface IArtifactStore
{
    /// <summary>
    /// Stores <paramref name="content"/> as the next version of the artifact and drops versions older than the ones
    /// kept. The limits (<see cref="ArtifactStoreOptions.MaxArtifactBytes"/>, <see cref="ArtifactNames"/>, metadata size)
    /// are checked before anything is written or hashed.
    /// </summary>
    /// <param name="studyId">The study.</param>
    /// <param name="name">The artifact's name within the study (see <see cref="ArtifactNames"/>).</param>
    /// <param name="content">The bytes (copied before the call returns; the caller may reuse the buffer).</param>
    /// <param name="metadata">A small string map kept with this version (e.g. step), or null for none.</param>
    /// <param name="expectedVersion">
    /// Null to write unconditionally; otherwise the version the caller last stored or read (0: none must exist yet).
    /// When the stored latest version differs, nothing is written and <see cref="ArtifactVersionConflictException"/>
    /// is thrown, so of two writers that both think they own a job, the one that lost learns it.
    /// </param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new version's number (one above the previous latest).</returns>
    /// <exception cref="ArtifactVersionConflictException">The latest version is not <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="ArgumentException">The name, content size or metadata are outside the limits.</exception>
    Task<long> PutArtifactAsync(
        string studyId,
        string name,
        ReadOnlyMemory<byte> content,
        IReadOnlyDictionary<string, string>? metadata = null,
        long? expectedVersion = null,
        CancellationToken cancellationToken = default);

    /// <summary>The newest version of the artifact, content verified, or null when there is none.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="name">The artifact's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The artifact, or null.</returns>
    /// <exception cref="ArtifactIntegrityException">The stored content does not match its SHA-256.</exception>
    Task<StoredArtifact?> GetLatestArtifactAsync(string studyId, string name, CancellationToken cancellationToken = default);

    /// <summary>One version of the artifact, content verified, or null when it was never stored or is no longer kept.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="name">The artifact's name.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The artifact, or null.</returns>
    /// <exception cref="ArtifactIntegrityException">The stored content does not match its SHA-256.</exception>
    Task<StoredArtifact?> GetArtifactAsync(string studyId, string name, long version, CancellationToken cancellationToken = default);

    /// <summary>The study's artifacts, one entry per name (its latest version, without content), by name in ordinal order.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The artifacts (empty when there are none).</returns>
    Task<IReadOnlyList<ArtifactInfo>> ListArtifactsAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every version of every artifact of the study (nothing happens when there are none). Versions of a
    /// name stored afterwards start again at 1.
    /// </summary>
    /// <param name="studyId">The study.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when they are deleted.</returns>
    Task DeleteStudyArtifactsAsync(string studyId, CancellationToken cancellationToken = default);
}
