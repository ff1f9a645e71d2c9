namespace NasOrleans.Storage;

/// <summary>What <see cref="IArtifactStore.ListArtifactsAsync"/> tells of one artifact: its latest version, without content.</summary>
/// <param name="Name">The artifact's name within the study.</param>
/// <param name="LatestVersion">The newest stored version.</param>
/// <param name="Size">The newest version's size in bytes.</param>
/// <param name="Sha256">The newest version's SHA-256, 64 lower-case hex digits.</param>
/// <param name="UpdatedAt">When the newest version was stored (UTC).</param>
public sealed record ArtifactInfo(string Name, long LatestVersion, long Size, string Sha256, DateTimeOffset UpdatedAt);
