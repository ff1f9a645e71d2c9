using System.Text;

namespace NasOrleans.Core.Paired;

public sealed partial class GridLevel
{
    /// <summary>
    /// The level as text, one line per row, outer wall included: <c>#</c> wall, <c>G</c> goal, <c>.</c> floor,
    /// and the agent as <c>&gt;</c>, <c>v</c>, <c>&lt;</c> or <c>^</c> for its direction.
    /// </summary>
    public string ToText()
    {
        var width = Size.Width;
        var text = new StringBuilder(width * (width + 1));
        for (var y = 0; y < width; y++)
        {
            if (y > 0)
            {
                text.Append('\n');
            }

            for (var x = 0; x < width; x++)
            {
                var cell = new GridCell(x, y);
                text.Append(cell == Agent ? AgentChar(AgentDirection)
                    : cell == Goal ? 'G'
                    : IsWall(x, y) ? '#'
                    : '.');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads a level written as <see cref="ToText"/> writes it; <c>A</c> is also read as an agent facing right.
    /// Blank lines around the grid and spaces around each row are ignored, so levels can be indented in code.
    /// </summary>
    /// <exception cref="FormatException">The text is not a level of that size; the message names the row and column.</exception>
    public static GridLevel Parse(GridSize size, string text)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(text);
        var rows = text.Split('\n').Select(r => r.Trim()).SkipWhile(r => r.Length == 0).ToList();
        while (rows.Count > 0 && rows[^1].Length == 0)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var width = size.Width;
        if (rows.Count != width)
        {
            throw new FormatException($"A {size.Name} level has {width} rows, outer wall included; this text has {rows.Count}.");
        }

        var walls = new bool[size.Cells];
        GridCell? goal = null, agent = null;
        var direction = 0;
        for (var y = 0; y < width; y++)
        {
            if (rows[y].Length != width)
            {
                throw new FormatException($"Row {y} has {rows[y].Length} columns; a {size.Name} level has {width}.");
            }

            for (var x = 0; x < width; x++)
            {
                var c = rows[y][x];
                var cell = new GridCell(x, y);
                if (!size.IsInterior(cell))
                {
                    if (c != '#')
                    {
                        throw new FormatException($"Row {y}, column {x} is on the outer wall and must be '#', not '{c}'.");
                    }

                    continue;
                }

                switch (c)
                {
                    case '#':
                        walls[size.CellIndex(cell)] = true;
                        break;
                    case '.':
                        break;
                    case 'G':
                        goal = goal is null ? cell : throw new FormatException($"Row {y}, column {x}: a second goal (the first is at row {goal.Value.Y}, column {goal.Value.X}).");
                        break;
                    case 'A' or '>' or 'v' or '<' or '^':
                        agent = agent is null ? cell : throw new FormatException($"Row {y}, column {x}: a second agent (the first is at row {agent.Value.Y}, column {agent.Value.X}).");
                        direction = c == 'A' ? 0 : AgentDirectionOf(c);
                        break;
                    default:
                        throw new FormatException($"Row {y}, column {x}: '{c}' is none of '#', '.', 'G', 'A', '>', 'v', '<', '^'.");
                }
            }
        }

        if (goal is null)
        {
            throw new FormatException("The level has no goal ('G').");
        }

        if (agent is null)
        {
            throw new FormatException("The level has no agent ('A', '>', 'v', '<' or '^').");
        }

        return new GridLevel(size, walls, goal.Value, agent.Value, direction);
    }

    private static char AgentChar(int direction) => direction switch
    {
        0 => '>',
        1 => 'v',
        2 => '<',
        _ => '^',
    };

    private static int AgentDirectionOf(char c) => c switch
    {
        '>' => 0,
        'v' => 1,
        '<' => 2,
        _ => 3,
    };
}
