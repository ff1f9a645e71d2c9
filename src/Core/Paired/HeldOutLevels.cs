namespace NasOrleans.Core.Paired;

/// <summary>
/// Hand-made held-out levels per standard size, for measuring how PAIRED's protagonist transfers
/// (Dennis et al. 2020, figure 4): mini has Empty, FourRooms, TwoRooms, Cluttered and Maze (all solvable, with
/// different shortest paths, Maze the longest); medium Empty, FourRooms, Labyrinth and Maze; full adds
/// SixteenRooms. The levels are authored as text (<see cref="GridLevel.ToText"/>) in this class's partial files.
/// </summary>
public static partial class HeldOutLevels
{
    private static readonly Dictionary<GridSize, IReadOnlyList<NamedLevel>> Levels = new()
    {
        [GridSize.Mini] = Read(GridSize.Mini, MiniTexts()),
        [GridSize.Medium] = Read(GridSize.Medium, MediumTexts()),
        [GridSize.Full] = Read(GridSize.Full, FullTexts()),
    };

    /// <summary>The held-out levels of a standard size, in a fixed order.</summary>
    /// <exception cref="ArgumentException">The size is not one of <see cref="GridSize.All"/>.</exception>
    public static IReadOnlyList<NamedLevel> For(GridSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        return Levels.TryGetValue(size, out var levels)
            ? levels
            : throw new ArgumentException(
                $"Held-out levels exist for the sizes {string.Join(", ", GridSize.All.Select(s => s.Name))}, not '{size.Name}'.", nameof(size));
    }

    /// <summary>The held-out level of that name (case-insensitive) for a size.</summary>
    /// <exception cref="ArgumentException">No level has that name; the message lists the names.</exception>
    public static NamedLevel Find(GridSize size, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var levels = For(size);
        return levels.FirstOrDefault(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"No held-out {size.Name} level is named '{name}'; the names are {string.Join(", ", levels.Select(l => l.Name))}.", nameof(name));
    }

    private static NamedLevel[] Read(GridSize size, (string Name, string Text)[] texts) =>
        [.. texts.Select(t => new NamedLevel(t.Name, GridLevel.Parse(size, t.Text)))];
}
