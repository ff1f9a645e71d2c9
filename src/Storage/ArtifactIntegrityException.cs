namespace NasOrleans.Storage;

/// <summary>A stored artifact's content no longer matches the SHA-256 (or size) stored with it: the row was damaged.</summary>
public sealed class ArtifactIntegrityException : IOException
{
    /// <summary>Creates the exception for one damaged version.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="name">The artifact's name.</param>
    /// <param name="version">The damaged version.</param>
    /// <param name="storedSha256">The SHA-256 stored with the content.</param>
    /// <param name="actualSha256">The SHA-256 of the content read back.</param>
    public ArtifactIntegrityException(string studyId, string name, long version, string storedSha256, string actualSha256)
        : base($"Artifact '{name}' version {version} of study '{studyId}' is corrupt: its content hashes to SHA-256 {actualSha256}, but {storedSha256} was stored with it.")
    {
        StudyId = studyId;
        Name = name;
        Version = version;
        StoredSha256 = storedSha256;
        ActualSha256 = actualSha256;
    }

    /// <summary>The study.</summary>
    public string StudyId { get; }

    /// <summary>The artifact's name.</summary>
    public string Name { get; }

    /// <summary>The damaged version.</summary>
    public long Version { get; }

    /// <summary>The SHA-256 stored with the content.</summary>
    public string StoredSha256 { get; }

    /// <summary>The SHA-256 of the content read back.</summary>
    public string ActualSha256 { get; }
}
