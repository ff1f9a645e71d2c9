namespace NasOrleans.Core.Paired;

/// <summary>A hand-made level and its name, as <see cref="HeldOutLevels"/> lists them.</summary>
/// <param name="Name">The name, e.g. <c>FourRooms</c>.</param>
/// <param name="Level">The level.</param>
public sealed record NamedLevel(string Name, GridLevel Level);
