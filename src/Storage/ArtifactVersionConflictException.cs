using System.Globalization;

namespace NasOrleans.Storage;

/// <summary>
/// A conditional <see cref="IArtifactStore.PutArtifactAsync"/> found another latest version than the caller expected:
/// someone else wrote the artifact since (another trainer that also thinks it owns the job). Nothing was written.
/// </summary>
public sealed class ArtifactVersionConflictException : InvalidOperationException
{
    /// <summary>Creates the exception for a put of <paramref name="name"/> that expected <paramref name="expectedVersion"/>.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="name">The artifact's name.</param>
    /// <param name="expectedVersion">The version the caller expected to be the latest (0: none).</param>
    /// <param name="actualVersion">The latest version stored (0: none).</param>
    public ArtifactVersionConflictException(string studyId, string name, long expectedVersion, long actualVersion)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"Artifact '{name}' of study '{studyId}' is at version {actualVersion}, not the expected {expectedVersion}: another writer stored it since, so this put was rejected and nothing was written."))
    {
        StudyId = studyId;
        Name = name;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The study.</summary>
    public string StudyId { get; }

    /// <summary>The artifact's name.</summary>
    public string Name { get; }

    /// <summary>The version the caller expected to be the latest (0: none).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The latest version stored when the put was rejected (0: none).</summary>
    public long ActualVersion { get; }
}
