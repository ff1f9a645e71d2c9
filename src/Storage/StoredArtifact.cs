namespace NasOrleans.Storage;

/// <summary>One stored version of an artifact, with its content (verified against <see cref="Sha256"/> when read).</summary>
public sealed record StoredArtifact
{
    /// <summary>The study.</summary>
    public required string StudyId { get; init; }

    /// <summary>The artifact's name within the study.</summary>
    public required string Name { get; init; }

    /// <summary>The version (from 1, one more per put).</summary>
    public required long Version { get; init; }

    /// <summary>The content.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>The SHA-256 of <see cref="Content"/>, 64 lower-case hex digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The metadata stored with this version (empty when none).</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>When this version was stored (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
