namespace NasOrleans.Training.Supernets.Search;

/// <summary>What must match for a checkpoint to continue a search: a checkpoint of another search is refused, not misread.</summary>
/// <param name="TotalSteps">The search's steps (the schedules depend on them).</param>
/// <param name="Seed">The seed of the data order and op warmup.</param>
/// <param name="Domains">The domains' names, in order.</param>
/// <param name="BatchSizes">The domains' training batch sizes (the data order depends on them).</param>
internal sealed record SupernetSearchIdentity(long TotalSteps, ulong Seed, IReadOnlyList<string> Domains, IReadOnlyList<int> BatchSizes)
{
    /// <summary>Whether <paramref name="other"/> is the same search.</summary>
    public bool Matches(SupernetSearchIdentity other) =>
        other.TotalSteps == TotalSteps && other.Seed == Seed && other.Domains.SequenceEqual(Domains) && other.BatchSizes.SequenceEqual(BatchSizes);

    /// <inheritdoc />
    public override string ToString() => $"{TotalSteps} steps, seed {Seed}, domains [{string.Join(", ", Domains)}], batches [{string.Join(", ", BatchSizes)}]";
}
