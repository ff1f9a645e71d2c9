using NasOrleans.Core.Randomness;

namespace NasOrleans.Core.Paired;

/// <summary>
/// Domain randomization, PAIRED's baseline: levels built from uniformly random adversary actions through a
/// <see cref="LevelBuilder"/>, so the same placement rules hold and a level has at most the asked walls.
/// </summary>
public static class RandomLevels
{
    /// <summary>A level from <paramref name="walls"/> + 2 uniformly random cells.</summary>
    /// <param name="size">The grid size.</param>
    /// <param name="walls">The wall steps (see <see cref="LevelBuilder.Walls"/>).</param>
    /// <param name="random">The generator for the cells, the agent's fallback cell and its direction.</param>
    public static GridLevel Sample(GridSize size, int walls, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(random);
        var builder = new LevelBuilder(size, walls, random);
        while (!builder.Done)
        {
            builder.Step(random.NextInt(size.Cells));
        }

        return builder.Level;
    }
}
