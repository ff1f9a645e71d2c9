namespace NasOrleans.Core.Strategies;

/// <summary>The serializable state of <see cref="LayerNas"/>.</summary>
/// <param name="Random">The generator's state.</param>
/// <param name="Edges">The cost bucket edges, ascending; null until computed.</param>
/// <param name="Seen">Score of every evaluated equivalence class (canonical key); null for a failed trial.</param>
/// <param name="Pending">Outstanding canonical keys with their counts.</param>
/// <param name="Kept">The candidates kept after the last layer.</param>
/// <param name="Children">The architectures evaluated in the current layer.</param>
/// <param name="Queue">The current layer's proposals not yet made (architecture keys).</param>
/// <param name="Layer">The decision the current layer varies; -1 during the initial samples.</param>
/// <param name="InitialProposed">Initial samples proposed.</param>
internal sealed record LayerNasState(
    ulong[] Random,
    double[]? Edges,
    Dictionary<string, double?> Seen,
    Dictionary<string, int> Pending,
    List<LayerNasMember> Kept,
    List<LayerNasMember> Children,
    List<string> Queue,
    int Layer,
    int InitialProposed);
