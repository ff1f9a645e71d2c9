namespace NasOrleans.Core.Strategies;

/// <summary>An evaluated architecture as <see cref="LayerNas"/> keeps it.</summary>
/// <param name="Key">The architecture's key.</param>
/// <param name="Score">Its score.</param>
/// <param name="Cost">Its cost (0 without a cost function).</param>
internal sealed record LayerNasMember(string Key, double Score, double Cost);
