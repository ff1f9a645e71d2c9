using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Training.Tests.Supernets.Search;

/// <summary>An in-memory checkpoint store; <see cref="TakenOver"/> makes every save throw as when another trainer took over.</summary>
internal sealed class MemorySupernetCheckpoints : ISupernetCheckpoints
{
    public List<SupernetCheckpoint> Saved { get; } = [];

    public int SaveAttempts { get; private set; }

    public bool TakenOver { get; set; }

    public Task<SupernetCheckpoint?> LoadLatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Saved.Count == 0 ? null : Saved[^1]);

    public Task SaveAsync(SupernetCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        SaveAttempts++;
        if (TakenOver)
        {
            throw new InvalidOperationException("A newer checkpoint was written by another trainer.");
        }

        Saved.Add(checkpoint);
        return Task.CompletedTask;
    }
}
