using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.WeightSharing;

/// <summary>A path (architecture) sampled by a <see cref="TunasController"/>, with the id its reward must quote.</summary>
/// <param name="Id">The sample's id, unique within the controller (0, 1, 2, ... in sampling order).</param>
/// <param name="Architecture">The sampled architecture.</param>
public sealed record TunasSample(long Id, Architecture Architecture);
