using System.Globalization;
using NasOrleans.Storage;
using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Hosting.Supernets;

/// <summary>
/// A supernet search's checkpoints in the cluster's artifact store (the trial store's database), one artifact per
/// search whose versions are its checkpoints. A save expects the version this search loaded or saved last, so a
/// trainer that lost its lease and still runs learns it was taken over instead of overwriting its successor's state.
/// </summary>
public sealed class ArtifactSupernetCheckpoints(IArtifactStore store, string studyId, string name) : ISupernetCheckpoints
{
    private long _version;

    /// <summary>Checkpoints saved by this instance.</summary>
    public int Saved { get; private set; }

    /// <inheritdoc />
    public async Task<SupernetCheckpoint?> LoadLatestAsync(CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestArtifactAsync(studyId, name, cancellationToken).ConfigureAwait(false);
        _version = latest?.Version ?? 0;
        return latest is null ? null : new SupernetCheckpoint(long.Parse(latest.Metadata["step"], CultureInfo.InvariantCulture), latest.Content.ToArray());
    }

    /// <inheritdoc />
    public async Task SaveAsync(SupernetCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["step"] = checkpoint.Step.ToString(CultureInfo.InvariantCulture) };
        // ArtifactVersionConflictException is an InvalidOperationException: the job stops as taken over.
        _version = await store.PutArtifactAsync(studyId, name, checkpoint.State, metadata, _version, cancellationToken).ConfigureAwait(false);
        Saved++;
    }
}
