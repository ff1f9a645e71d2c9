using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace NasOrleans.Storage;

/// <summary>The checks and hashing every store's <see cref="IArtifactStore"/> makes, with the limits of its options.</summary>
internal sealed class ArtifactRules
{
    public ArtifactRules(ArtifactStoreOptions? options)
    {
        options ??= new ArtifactStoreOptions();
        options.EnsureValid();
        MaxArtifactBytes = options.MaxArtifactBytes;
        VersionsToKeep = options.VersionsToKeep;
    }

    public long MaxArtifactBytes { get; }

    public int VersionsToKeep { get; }

    /// <summary>Checks a put (the cheap checks first: nothing is hashed when a limit is exceeded) and prepares it.</summary>
    public ArtifactWrite PreparePut(string studyId, string name, ReadOnlyMemory<byte> content, IReadOnlyDictionary<string, string>? metadata, long? expectedVersion)
    {
        CheckNames(studyId, name);
        if (expectedVersion is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, "The expected version must be 0 (none stored yet) or a stored version.");
        }

        if (content.Length > MaxArtifactBytes)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Artifact '{name}' of study '{studyId}' is {content.Length} bytes, more than the limit of {MaxArtifactBytes} bytes (ArtifactStoreOptions.MaxArtifactBytes, the Artifacts.MaxArtifactBytes of the storage options); nothing was written."),
                nameof(content));
        }

        var copy = CheckMetadata(metadata);
        return new ArtifactWrite
        {
            StudyId = studyId,
            Name = name,
            Content = content,
            Sha256 = Hash(content.Span),
            Metadata = copy,
            MetadataJson = StorageJsonMaps.FormatStrings(copy),
            ExpectedVersion = expectedVersion,
        };
    }

    /// <summary>The versions a put of <paramref name="newVersion"/> leaves behind: those at or below the returned one go.</summary>
    public long LastVersionToDrop(long newVersion) => newVersion - VersionsToKeep;

    public static void CheckNames(string studyId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        ArtifactNames.EnsureValid(name);
    }

    /// <summary>The SHA-256 of <paramref name="content"/>, 64 lower-case hex digits.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Returns <paramref name="artifact"/> when its content matches its SHA-256; logs and throws otherwise.</summary>
    /// <exception cref="ArtifactIntegrityException">The content does not match.</exception>
    public static StoredArtifact Verify(StoredArtifact artifact, ILogger? logger = null)
    {
        var actual = Hash(artifact.Content.Span);
        if (string.Equals(actual, artifact.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return artifact;
        }

        logger?.ArtifactCorrupt(artifact.StudyId, artifact.Name, artifact.Version, artifact.Sha256, actual);
        throw new ArtifactIntegrityException(artifact.StudyId, artifact.Name, artifact.Version, artifact.Sha256, actual);
    }

    private static Dictionary<string, string> CheckMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata is null)
        {
            return copy;
        }

        if (metadata.Count > ArtifactStoreOptions.MaxMetadataEntries)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Artifact metadata has {metadata.Count} entries, more than the {ArtifactStoreOptions.MaxMetadataEntries} allowed."),
                nameof(metadata));
        }

        var length = 0;
        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrEmpty(key) || value is null)
            {
                throw new ArgumentException("Artifact metadata keys must be non-empty and values non-null.", nameof(metadata));
            }

            length += key.Length + value.Length;
            copy[key] = value;
        }

        return length <= ArtifactStoreOptions.MaxMetadataLength
            ? copy
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Artifact metadata holds {length} characters, more than the {ArtifactStoreOptions.MaxMetadataLength} allowed: keep large data in the content."),
                nameof(metadata));
    }
}
