namespace NasOrleans.Core.Paired;

public sealed partial class StudentEnvironments
{
    /// <summary>The side of the egocentric view (MiniGrid's <c>agent_view_size</c>).</summary>
    public const int ViewSize = 5;

    private const int ViewCells = ViewSize * ViewSize;

    /// <summary>One environment's observation length: 3 planes of 5×5 (wall, goal, unseen) and a one-hot direction.</summary>
    public int ObservationLength => (3 * ViewCells) + 4;

    /// <summary>
    /// Writes every environment's observation, <see cref="ObservationLength"/> floats each, environment by
    /// environment (see <see cref="WriteObservation"/>).
    /// </summary>
    public void WriteObservations(Span<float> observations)
    {
        var length = ObservationLength;
        if (observations.Length < Count * length)
        {
            throw new ArgumentException($"{Count} observations take {Count * length} floats, not {observations.Length}.", nameof(observations));
        }

        for (var env = 0; env < Count; env++)
        {
            WriteObservation(env, observations.Slice(env * length, length));
        }
    }

    /// <summary>
    /// Writes one environment's observation: MiniGrid's egocentric 5×5 view, row by row, with the agent at the
    /// bottom centre looking up; plane 0 walls (cells outside the grid count as walls), plane 1 the goal, plane 2
    /// cells hidden behind walls (MiniGrid's <c>process_vis</c>); then the agent's direction one-hot.
    /// </summary>
    public void WriteObservation(int env, Span<float> observation)
    {
        var level = LoadedLevel(env);
        if (observation.Length < ObservationLength)
        {
            throw new ArgumentException($"An observation takes {ObservationLength} floats, not {observation.Length}.", nameof(observation));
        }

        Span<bool> wall = stackalloc bool[ViewCells];
        Span<bool> goal = stackalloc bool[ViewCells];
        Span<bool> visible = stackalloc bool[ViewCells];
        var agent = _agents[env];
        var forward = new GridCell(0, 0).Step(_directions[env]);
        var right = new GridCell(0, 0).Step((_directions[env] + 1) % 4);
        var width = Size.Width;
        var blocked = level.Blocked;
        for (var vy = 0; vy < ViewSize; vy++)
        {
            for (var vx = 0; vx < ViewSize; vx++)
            {
                var ahead = ViewSize - 1 - vy;
                var side = vx - (ViewSize / 2);
                var x = agent.X + (forward.X * ahead) + (right.X * side);
                var y = agent.Y + (forward.Y * ahead) + (right.Y * side);
                var i = (vy * ViewSize) + vx;
                var inside = x >= 0 && y >= 0 && x < width && y < width;
                wall[i] = !inside || blocked[(y * width) + x];
                goal[i] = inside && x == level.Goal.X && y == level.Goal.Y;
            }
        }

        ProcessVisibility(wall, visible);
        observation[..ObservationLength].Clear();
        for (var i = 0; i < ViewCells; i++)
        {
            if (!visible[i])
            {
                observation[(2 * ViewCells) + i] = 1f;
            }
            else if (wall[i])
            {
                observation[i] = 1f;
            }
            else if (goal[i])
            {
                observation[ViewCells + i] = 1f;
            }
        }

        observation[(3 * ViewCells) + _directions[env]] = 1f;
    }

    /// <summary>
    /// MiniGrid's <c>process_vis</c>: visibility spreads from the agent (bottom centre) row by row away from it,
    /// sideways and diagonally forward, and stops at walls (a wall is seen but not seen through).
    /// </summary>
    internal static void ProcessVisibility(ReadOnlySpan<bool> wall, Span<bool> visible)
    {
        visible.Clear();
        visible[((ViewSize - 1) * ViewSize) + (ViewSize / 2)] = true;
        for (var j = ViewSize - 1; j >= 0; j--)
        {
            for (var i = 0; i < ViewSize - 1; i++)
            {
                if (!visible[(j * ViewSize) + i] || wall[(j * ViewSize) + i])
                {
                    continue;
                }

                visible[(j * ViewSize) + i + 1] = true;
                if (j > 0)
                {
                    visible[((j - 1) * ViewSize) + i + 1] = true;
                    visible[((j - 1) * ViewSize) + i] = true;
                }
            }

            for (var i = ViewSize - 1; i > 0; i--)
            {
                if (!visible[(j * ViewSize) + i] || wall[(j * ViewSize) + i])
                {
                    continue;
                }

                visible[(j * ViewSize) + i - 1] = true;
                if (j > 0)
                {
                    visible[((j - 1) * ViewSize) + i - 1] = true;
                    visible[((j - 1) * ViewSize) + i] = true;
                }
            }
        }
    }
}
