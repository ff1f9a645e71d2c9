namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// Where a supernet search keeps its checkpoints (in the cluster, the artifact store in the trial store's database),
/// so that a search whose trainer died resumes on another from its last checkpoint.
/// </summary>
public interface ISupernetCheckpoints
{
    /// <summary>The latest checkpoint, or null when the search starts from scratch.</summary>
    Task<SupernetCheckpoint?> LoadLatestAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="checkpoint"/>; throws <see cref="InvalidOperationException"/> when a checkpoint newer than
    /// the one this search loaded or saved last was written meanwhile (another trainer took the search over).
    /// </summary>
    Task SaveAsync(SupernetCheckpoint checkpoint, CancellationToken cancellationToken);
}
