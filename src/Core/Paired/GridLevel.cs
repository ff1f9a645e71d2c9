namespace NasOrleans.Core.Paired;

/// <summary>
/// A PAIRED level: walls on the interior of a <see cref="GridSize"/>, a goal, and the agent's start cell and
/// direction (0 right, 1 down, 2 left, 3 up, as in MiniGrid). Immutable, compared by value.
/// </summary>
public sealed partial class GridLevel : IEquatable<GridLevel>
{
    private readonly bool[] _walls;
    private readonly bool[] _blocked;

    /// <summary>Creates a level.</summary>
    /// <param name="size">The grid size.</param>
    /// <param name="walls">One flag per interior cell, by adversary cell index (see <see cref="GridSize.CellIndex"/>).</param>
    /// <param name="goal">The goal's cell, an interior cell with no wall.</param>
    /// <param name="agent">The agent's start cell, an interior cell with no wall and not the goal's.</param>
    /// <param name="agentDirection">The agent's start direction, 0..3.</param>
    public GridLevel(GridSize size, IReadOnlyList<bool> walls, GridCell goal, GridCell agent, int agentDirection)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(walls);
        if (walls.Count != size.Cells)
        {
            throw new ArgumentException($"A {size.Name} level has {size.Cells} interior cells, not {walls.Count}.", nameof(walls));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(agentDirection);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(agentDirection, 3);
        _walls = [.. walls];
        CheckFree(size, goal, nameof(goal));
        CheckFree(size, agent, nameof(agent));
        if (goal == agent)
        {
            throw new ArgumentException($"The agent starts on the goal's cell {goal}.", nameof(agent));
        }

        Size = size;
        Goal = goal;
        Agent = agent;
        AgentDirection = agentDirection;
        WallCount = _walls.Count(w => w);
        var width = size.Width;
        _blocked = new bool[width * width];
        for (var y = 0; y < width; y++)
        {
            for (var x = 0; x < width; x++)
            {
                _blocked[(y * width) + x] = IsWall(x, y);
            }
        }

        void CheckFree(GridSize s, GridCell cell, string name)
        {
            if (!s.IsInterior(cell))
            {
                throw new ArgumentOutOfRangeException(name, cell, $"Not an interior cell of the {s.Name} grid.");
            }

            if (_walls[s.CellIndex(cell)])
            {
                throw new ArgumentException($"The {name} cell {cell} holds a wall.", name);
            }
        }
    }

    /// <summary>The grid size.</summary>
    public GridSize Size { get; }

    /// <summary>The goal's cell.</summary>
    public GridCell Goal { get; }

    /// <summary>The agent's start cell.</summary>
    public GridCell Agent { get; }

    /// <summary>The agent's start direction: 0 right, 1 down, 2 left, 3 up.</summary>
    public int AgentDirection { get; }

    /// <summary>The number of interior walls (the outer wall not counted).</summary>
    public int WallCount { get; }

    /// <summary>Walls of the full grid, outer wall included, row by row (index y·Width + x), for the environments.</summary>
    internal ReadOnlySpan<bool> Blocked => _blocked;

    /// <summary>Whether the cell (full-grid coordinates) holds a wall; true on the outer wall.</summary>
    public bool IsWall(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Size.Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Size.Width);
        var cell = new GridCell(x, y);
        return !Size.IsInterior(cell) || _walls[Size.CellIndex(cell)];
    }

    /// <summary>Whether the interior cell of that adversary index holds a wall.</summary>
    public bool IsWallAt(int cellIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cellIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cellIndex, Size.Cells);
        return _walls[cellIndex];
    }

    /// <summary>
    /// The fewest moves from the agent to the goal over the 4-neighbourhood (turns not counted), by breadth-first
    /// search, as the reference's <c>compute_shortest_path</c>; null when the goal cannot be reached.
    /// </summary>
    public int? ShortestPath()
    {
        var width = Size.Width;
        var distance = new int[width * width];
        Array.Fill(distance, -1);
        var queue = new Queue<GridCell>();
        distance[(Agent.Y * width) + Agent.X] = 0;
        queue.Enqueue(Agent);
        while (queue.TryDequeue(out var cell))
        {
            var d = distance[(cell.Y * width) + cell.X];
            if (cell == Goal)
            {
                return d;
            }

            for (var direction = 0; direction < 4; direction++)
            {
                var next = cell.Step(direction);
                var index = (next.Y * width) + next.X;
                if (!_blocked[index] && distance[index] < 0)
                {
                    distance[index] = d + 1;
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    /// <summary>Whether the goal can be reached (<see cref="ShortestPath"/> is not null).</summary>
    public bool IsSolvable => ShortestPath() is not null;

    /// <summary>
    /// The adversary's actions that build this level through a <see cref="LevelBuilder"/> with
    /// <see cref="WallCount"/> walls: the wall cells in index order, then the goal's cell, then the agent's.
    /// (The builder draws the agent's direction itself.)
    /// </summary>
    public int[] Encode()
    {
        var actions = new List<int>(WallCount + 2);
        for (var i = 0; i < _walls.Length; i++)
        {
            if (_walls[i])
            {
                actions.Add(i);
            }
        }

        actions.Add(Size.CellIndex(Goal));
        actions.Add(Size.CellIndex(Agent));
        return [.. actions];
    }

    /// <summary>The same level with the agent starting in another direction.</summary>
    public GridLevel WithAgentDirection(int direction) => new(Size, _walls, Goal, Agent, direction);

    /// <inheritdoc/>
    public bool Equals(GridLevel? other) =>
        other is not null && Size == other.Size && Goal == other.Goal && Agent == other.Agent
        && AgentDirection == other.AgentDirection && _walls.AsSpan().SequenceEqual(other._walls);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GridLevel);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Size);
        hash.Add(Goal);
        hash.Add(Agent);
        hash.Add(AgentDirection);
        foreach (var wall in _walls)
        {
            hash.Add(wall);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();
}
