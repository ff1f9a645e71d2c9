using System.Globalization;

namespace NasOrleans.Storage;

/// <summary>
/// The limits of a store's <see cref="IArtifactStore"/>: how large one artifact may be and how many versions of each
/// name are kept. Part of <see cref="Sqlite.SqliteStorageOptions"/> and <see cref="Postgres.PostgresStorageOptions"/>
/// (validated with them); the in-memory store takes it in its constructor.
/// </summary>
public sealed class ArtifactStoreOptions
{
    /// <summary>The default of <see cref="MaxArtifactBytes"/>: 512 MiB.</summary>
    public const long DefaultMaxArtifactBytes = 512L * 1024 * 1024;

    /// <summary>
    /// The highest <see cref="MaxArtifactBytes"/> allowed: 1,000,000,000 bytes, SQLite's default largest BLOB (a
    /// PostgreSQL bytea holds at most 1 GB). Larger checkpoints belong in an object store.
    /// </summary>
    public const long MaxArtifactBytesCeiling = 1_000_000_000;

    /// <summary>The default of <see cref="VersionsToKeep"/>: 2 (the latest, and the one before in case it is unusable).</summary>
    public const int DefaultVersionsToKeep = 2;

    /// <summary>The most metadata entries one version may carry.</summary>
    public const int MaxMetadataEntries = 64;

    /// <summary>The most characters (keys and values together) the metadata of one version may hold.</summary>
    public const int MaxMetadataLength = 16 * 1024;

    /// <summary>The largest artifact content accepted, in bytes; a larger put is rejected before anything is written. Default 512 MiB.</summary>
    public long MaxArtifactBytes { get; set; } = DefaultMaxArtifactBytes;

    /// <summary>How many versions of each artifact are kept (the newest ones); older ones are deleted by the put that stores a newer one. Default 2.</summary>
    public int VersionsToKeep { get; set; } = DefaultVersionsToKeep;

    /// <summary>Every problem with these options, in one list; empty when they are valid.</summary>
    /// <returns>The problems, each a sentence.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxArtifactBytes is < 1 or > MaxArtifactBytesCeiling)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Artifacts.MaxArtifactBytes must be between 1 and {MaxArtifactBytesCeiling} (was {MaxArtifactBytes}); larger checkpoints belong in an object store."));
        }

        if (VersionsToKeep is < 1 or > 1000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Artifacts.VersionsToKeep must be between 1 and 1000 (was {VersionsToKeep})."));
        }

        return problems;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid artifact store options: " + string.Join(" ", problems));
        }
    }
}
