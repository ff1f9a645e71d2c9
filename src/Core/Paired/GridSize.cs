namespace NasOrleans.Core.Paired;

/// <summary>
/// The size of a PAIRED gridworld (Dennis et al. 2020): the full width including the outer wall, the adversary's
/// wall budget and the students' episode length.
/// </summary>
public sealed record GridSize
{
    /// <summary>A 6×6 grid (4×4 interior), 7 walls, 50 student steps: small enough for quick tests and CPU runs.</summary>
    public static readonly GridSize Mini = new("mini", 6, 7, 50);

    /// <summary>A 10×10 grid (8×8 interior), 30 walls, 200 student steps.</summary>
    public static readonly GridSize Medium = new("medium", 10, 30, 200);

    /// <summary>The paper's 15×15 grid (13×13 interior), 50 walls, 250 student steps.</summary>
    public static readonly GridSize Full = new("full", 15, 50, 250);

    /// <summary>Creates a size; the interior must hold at least two cells (a goal and an agent).</summary>
    /// <param name="name">The name <see cref="Parse"/> knows it by.</param>
    /// <param name="width">The full width, outer wall included.</param>
    /// <param name="maxWalls">The adversary's wall budget.</param>
    /// <param name="studentSteps">The students' episode length.</param>
    public GridSize(string name, int width, int maxWalls, int studentSteps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 4);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWalls);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxWalls, (width - 2) * (width - 2) - 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(studentSteps, 1);
        Name = name;
        Width = width;
        MaxWalls = maxWalls;
        StudentSteps = studentSteps;
    }

    /// <summary>The three standard sizes, smallest first.</summary>
    public static IReadOnlyList<GridSize> All { get; } = [Mini, Medium, Full];

    /// <summary>The name (<c>mini</c>, <c>medium</c>, <c>full</c> for the standard sizes).</summary>
    public string Name { get; }

    /// <summary>The full width (and height), outer wall included.</summary>
    public int Width { get; }

    /// <summary>The interior width: <see cref="Width"/> − 2.</summary>
    public int Interior => Width - 2;

    /// <summary>The number of interior cells, the adversary's action count: <see cref="Interior"/>².</summary>
    public int Cells => Interior * Interior;

    /// <summary>The adversary's wall budget (its episode is this many steps plus two).</summary>
    public int MaxWalls { get; }

    /// <summary>The students' episode length (MiniGrid's <c>max_steps</c>).</summary>
    public int StudentSteps { get; }

    /// <summary>The standard size of that name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is none of <see cref="All"/>; the message lists them.</exception>
    public static GridSize Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return All.FirstOrDefault(s => string.Equals(s.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown grid size '{name}'; the sizes are {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
    }

    /// <summary>The adversary's cell index of an interior cell: y·Interior + x, counted from the interior's top-left.</summary>
    public int CellIndex(GridCell cell)
    {
        if (!IsInterior(cell))
        {
            throw new ArgumentOutOfRangeException(nameof(cell), cell, $"Not an interior cell of the {Name} grid.");
        }

        return ((cell.Y - 1) * Interior) + cell.X - 1;
    }

    /// <summary>The interior cell of an adversary's cell index (the inverse of <see cref="CellIndex"/>).</summary>
    public GridCell CellAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Cells);
        return new GridCell((index % Interior) + 1, (index / Interior) + 1);
    }

    /// <summary>Whether the cell lies inside the outer wall.</summary>
    public bool IsInterior(GridCell cell) => cell.X >= 1 && cell.Y >= 1 && cell.X <= Interior && cell.Y <= Interior;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
