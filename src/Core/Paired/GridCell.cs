namespace NasOrleans.Core.Paired;

/// <summary>
/// A cell of a gridworld in full-grid coordinates (as MiniGrid counts them): column <see cref="X"/> and row
/// <see cref="Y"/>, both from 0 at the top-left corner of the outer wall, so the interior runs from 1 to
/// <see cref="GridSize.Width"/> − 2.
/// </summary>
/// <param name="X">The column, 0 at the left outer wall.</param>
/// <param name="Y">The row, 0 at the top outer wall.</param>
public readonly record struct GridCell(int X, int Y)
{
    /// <summary>The cell one step from this one in a MiniGrid direction (0 right, 1 down, 2 left, 3 up).</summary>
    public GridCell Step(int direction) => direction switch
    {
        0 => new GridCell(X + 1, Y),
        1 => new GridCell(X, Y + 1),
        2 => new GridCell(X - 1, Y),
        3 => new GridCell(X, Y - 1),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "A direction is 0 (right), 1 (down), 2 (left) or 3 (up)."),
    };
}
