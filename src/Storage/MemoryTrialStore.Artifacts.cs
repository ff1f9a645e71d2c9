namespace NasOrleans.Storage;

/// <summary>
/// The <see cref="IArtifactStore"/> part of <see cref="MemoryTrialStore"/>, keyed by study, then name, then version.
/// Content is copied on put; reads verify it as the database stores do.
/// </summary>
public sealed partial class MemoryTrialStore
{
    private readonly Dictionary<string, Dictionary<string, SortedDictionary<long, StoredArtifact>>> _artifacts = new(StringComparer.Ordinal);
    private readonly ArtifactRules _artifactRules;

    /// <summary>Creates an empty store with the default artifact limits.</summary>
    public MemoryTrialStore()
        : this(null)
    {
    }

    /// <summary>Creates an empty store.</summary>
    /// <param name="artifacts">The artifact limits (null for the defaults).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public MemoryTrialStore(ArtifactStoreOptions? artifacts) => _artifactRules = new ArtifactRules(artifacts);

    /// <inheritdoc />
    public Task<long> PutArtifactAsync(
        string studyId,
        string name,
        ReadOnlyMemory<byte> content,
        IReadOnlyDictionary<string, string>? metadata = null,
        long? expectedVersion = null,
        CancellationToken cancellationToken = default)
    {
        var write = _artifactRules.PreparePut(studyId, name, content, metadata, expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        var bytes = content.ToArray();
        lock (_gate)
        {
            var versions = For(_artifacts, studyId, name, () => []);
            var current = versions.Count == 0 ? 0 : versions.Keys.Max();
            if (write.ExpectedVersion is { } expected && expected != current)
            {
                throw new ArtifactVersionConflictException(studyId, name, expected, current);
            }

            var version = current + 1;
            versions[version] = new StoredArtifact
            {
                StudyId = studyId,
                Name = name,
                Version = version,
                Content = bytes,
                Sha256 = write.Sha256,
                Metadata = write.Metadata,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            foreach (var old in versions.Keys.Where(v => v <= _artifactRules.LastVersionToDrop(version)).ToList())
            {
                versions.Remove(old);
            }

            return Task.FromResult(version);
        }
    }

    /// <inheritdoc />
    public Task<StoredArtifact?> GetLatestArtifactAsync(string studyId, string name, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckNames(studyId, name);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var versions = Versions(studyId, name);
            return Task.FromResult(versions is { Count: > 0 } ? ArtifactRules.Verify(versions[versions.Keys.Max()]) : null);
        }
    }

    /// <inheritdoc />
    public Task<StoredArtifact?> GetArtifactAsync(string studyId, string name, long version, CancellationToken cancellationToken = default)
    {
        ArtifactRules.CheckNames(studyId, name);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(Versions(studyId, name)?.GetValueOrDefault(version) is { } found ? ArtifactRules.Verify(found) : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ArtifactInfo>> ListArtifactsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ArtifactInfo> list = _artifacts.TryGetValue(studyId, out var study)
                ? study.Where(pair => pair.Value.Count > 0)
                    .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => pair.Value[pair.Value.Keys.Max()])
                    .Select(a => new ArtifactInfo(a.Name, a.Version, a.Content.Length, a.Sha256, a.CreatedAt))
                    .ToList()
                : [];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task DeleteStudyArtifactsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _artifacts.Remove(studyId);
        }

        return Task.CompletedTask;
    }

    // Callers hold _gate.
    private SortedDictionary<long, StoredArtifact>? Versions(string studyId, string name) =>
        _artifacts.TryGetValue(studyId, out var study) && study.TryGetValue(name, out var versions) ? versions : null;
}
