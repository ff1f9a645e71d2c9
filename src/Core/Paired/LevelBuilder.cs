using NasOrleans.Core.Randomness;

namespace NasOrleans.Core.Paired;

/// <summary>
/// The PAIRED adversary's environment (google-research <c>social_rl/adversarial_env</c>, with
/// <c>choose_goal_last</c>): each step names an interior cell; the first <see cref="Walls"/> steps place walls,
/// the next the goal, the last the agent. A wall on an occupied cell places nothing; the goal and the agent
/// remove a wall in their cell; an agent sent to the goal's cell goes to a random free cell instead. The agent's
/// direction is random. Random draws come from the builder's seeded generator, so a seed replays a build.
/// </summary>
public sealed class LevelBuilder
{
    private readonly DeterministicRandom _random;
    private readonly bool[] _walls;
    private int _goal = -1;
    private int _agent = -1;
    private int _direction;
    private GridLevel? _level;

    /// <summary>Creates a builder with its own generator seeded with <paramref name="seed"/>.</summary>
    /// <param name="size">The grid size.</param>
    /// <param name="walls">The wall steps, 0..<see cref="GridSize.Cells"/> − 2 (the paper uses <see cref="GridSize.MaxWalls"/>).</param>
    /// <param name="seed">The seed of the builder's generator.</param>
    public LevelBuilder(GridSize size, int walls, int seed)
        : this(size, walls, new DeterministicRandom(unchecked((ulong)seed)))
    {
    }

    /// <summary>Creates a builder drawing from <paramref name="random"/> (shared, not copied).</summary>
    /// <param name="size">The grid size.</param>
    /// <param name="walls">The wall steps, 0..<see cref="GridSize.Cells"/> − 2.</param>
    /// <param name="random">The generator for the agent's fallback cell and its direction.</param>
    public LevelBuilder(GridSize size, int walls, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(walls);
        // At most Cells − 2 walls always leaves a free cell for the agent besides the goal's.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(walls, size.Cells - 2);
        Size = size;
        Walls = walls;
        _random = random;
        _walls = new bool[size.Cells];
    }

    /// <summary>The grid size.</summary>
    public GridSize Size { get; }

    /// <summary>The number of wall steps.</summary>
    public int Walls { get; }

    /// <summary>The adversary's episode length: <see cref="Walls"/> + 2.</summary>
    public int Steps => Walls + 2;

    /// <summary>The steps taken since the last <see cref="Reset"/>.</summary>
    public int TimeStep { get; private set; }

    /// <summary>Whether all <see cref="Steps"/> steps were taken.</summary>
    public bool Done => TimeStep >= Steps;

    /// <summary>The walls placed so far (fewer than the wall steps when some fell on occupied cells).</summary>
    public int WallCount { get; private set; }

    /// <summary>The goal's cell once placed.</summary>
    public GridCell? Goal => _goal < 0 ? null : Size.CellAt(_goal);

    /// <summary>The agent's cell once placed.</summary>
    public GridCell? Agent => _agent < 0 ? null : Size.CellAt(_agent);

    /// <summary>Whether the agent was sent to the goal's cell and placed at random instead.</summary>
    public bool AgentPlacedAtRandom { get; private set; }

    /// <summary>The adversary's observation length: 3 planes of Width×Width (wall, goal, agent) and the time step.</summary>
    public int ObservationLength => (3 * Size.Width * Size.Width) + 1;

    /// <summary>The built level.</summary>
    /// <exception cref="InvalidOperationException">The build is not <see cref="Done"/>.</exception>
    public GridLevel Level => _level ?? throw new InvalidOperationException(
        $"The level is built after {Steps} steps; {TimeStep} were taken.");

    /// <summary>Starts a new build on an empty grid (the generator continues its sequence).</summary>
    public void Reset()
    {
        Array.Clear(_walls);
        _goal = -1;
        _agent = -1;
        _direction = 0;
        _level = null;
        TimeStep = 0;
        WallCount = 0;
        AgentPlacedAtRandom = false;
    }

    /// <summary>Takes the adversary's next step at the interior cell of that index (y·Interior + x).</summary>
    /// <exception cref="InvalidOperationException">The build is <see cref="Done"/>.</exception>
    public void Step(int cell)
    {
        if (Done)
        {
            throw new InvalidOperationException($"The build is done after {Steps} steps; call Reset to build another level.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(cell);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, Size.Cells);
        if (TimeStep < Walls)
        {
            if (!_walls[cell])
            {
                _walls[cell] = true;
                WallCount++;
            }
        }
        else if (TimeStep == Walls)
        {
            RemoveWall(cell);
            _goal = cell;
        }
        else
        {
            RemoveWall(cell);
            if (cell == _goal)
            {
                cell = RandomFreeCell();
                AgentPlacedAtRandom = true;
            }

            _agent = cell;
            _direction = _random.NextInt(4);
        }

        TimeStep++;
        if (Done)
        {
            _level = new GridLevel(Size, _walls, Size.CellAt(_goal), Size.CellAt(_agent), _direction);
        }
    }

    /// <summary>
    /// Writes the adversary's observation: three planes of Width×Width, row by row (wall with the outer wall,
    /// goal, agent), then the time step divided by <see cref="Steps"/>.
    /// </summary>
    public void WriteObservation(Span<float> observation)
    {
        if (observation.Length < ObservationLength)
        {
            throw new ArgumentException($"The observation takes {ObservationLength} floats, not {observation.Length}.", nameof(observation));
        }

        var width = Size.Width;
        var plane = width * width;
        observation[..ObservationLength].Clear();
        for (var y = 0; y < width; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var cell = new GridCell(x, y);
                if (!Size.IsInterior(cell) || _walls[Size.CellIndex(cell)])
                {
                    observation[(y * width) + x] = 1f;
                }
            }
        }

        if (_goal >= 0)
        {
            var goal = Size.CellAt(_goal);
            observation[plane + (goal.Y * width) + goal.X] = 1f;
        }

        if (_agent >= 0)
        {
            var agent = Size.CellAt(_agent);
            observation[(2 * plane) + (agent.Y * width) + agent.X] = 1f;
        }

        observation[3 * plane] = (float)TimeStep / Steps;
    }

    private void RemoveWall(int cell)
    {
        if (_walls[cell])
        {
            _walls[cell] = false;
            WallCount--;
        }
    }

    private int RandomFreeCell()
    {
        var free = new List<int>(Size.Cells);
        for (var i = 0; i < Size.Cells; i++)
        {
            if (!_walls[i] && i != _goal)
            {
                free.Add(i);
            }
        }

        return free[_random.NextInt(free.Count)];
    }
}
