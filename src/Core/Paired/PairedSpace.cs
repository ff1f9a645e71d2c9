using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;

namespace NasOrleans.Core.Paired;

/// <summary>The grid and wall budget a spec's <c>gridworld</c> space names.</summary>
public static class PairedSpace
{
    /// <summary>The size and walls of <paramref name="space"/> (the size's budget when walls is 0); throws for another kind.</summary>
    public static (GridSize Size, int Walls) Resolve(SpaceSpec space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.Kind == SpaceCatalog.Gridworld
            ? GridworldSpaceKind.Resolve(space.Parameters)
            : throw new ArgumentException($"the space is '{space.Kind}', not {SpaceCatalog.Gridworld}", nameof(space));
    }
}
