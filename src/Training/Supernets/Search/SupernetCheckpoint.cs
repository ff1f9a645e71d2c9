namespace NasOrleans.Training.Supernets.Search;

/// <summary>A supernet search's state after <paramref name="Step"/> steps, as the search writes it (opaque to the store).</summary>
/// <param name="Step">Steps done.</param>
/// <param name="State">The serialized state: weights, optimizer moments, generators, data positions, curves.</param>
public sealed record SupernetCheckpoint(long Step, byte[] State);
