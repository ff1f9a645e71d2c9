namespace NasOrleans.Storage;

/// <summary>A put that passed <see cref="ArtifactRules.PreparePut"/>: checked, hashed, metadata copied and in JSON.</summary>
internal sealed record ArtifactWrite
{
    public required string StudyId { get; init; }

    public required string Name { get; init; }

    /// <summary>The caller's bytes (not copied: stores that keep them in memory copy them).</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    public required string Sha256 { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public required string MetadataJson { get; init; }

    public required long? ExpectedVersion { get; init; }

    /// <summary>The content as an array, without a copy when the memory is a whole array.</summary>
    public byte[] ContentArray() =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(Content, out var segment)
            && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length
            ? array
            : Content.ToArray();
}
