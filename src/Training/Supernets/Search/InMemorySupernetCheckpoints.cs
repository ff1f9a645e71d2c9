namespace NasOrleans.Training.Supernets.Search;

/// <summary>The latest checkpoint of a search in this process's memory (benchmarks and tools that run a search whole).</summary>
public sealed class InMemorySupernetCheckpoints : ISupernetCheckpoints
{
    private SupernetCheckpoint? _latest;

    /// <summary>Checkpoints saved.</summary>
    public int Saved { get; private set; }

    /// <inheritdoc />
    public Task<SupernetCheckpoint?> LoadLatestAsync(CancellationToken cancellationToken) => Task.FromResult(_latest);

    /// <inheritdoc />
    public Task SaveAsync(SupernetCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        _latest = checkpoint;
        Saved++;
        return Task.CompletedTask;
    }
}
