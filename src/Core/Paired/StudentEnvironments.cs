namespace NasOrleans.Core.Paired;

/// <summary>
/// A batch of student environments (PAIRED's protagonist or antagonist), each playing a <see cref="GridLevel"/>
/// with MiniGrid's semantics: actions <see cref="TurnLeft"/>, <see cref="TurnRight"/> and <see cref="Forward"/>
/// (forward into a wall does nothing); an episode ends on the goal with reward 1 − 0.9·steps/max, or after
/// <see cref="MaxSteps"/> steps with 0, and the environment then restarts the same level. Observations are
/// MiniGrid's egocentric 5×5 view with occlusion (see <see cref="WriteObservations"/>).
/// </summary>
public sealed partial class StudentEnvironments
{
    /// <summary>Turn left (counter-clockwise).</summary>
    public const int TurnLeft = 0;

    /// <summary>Turn right (clockwise).</summary>
    public const int TurnRight = 1;

    /// <summary>Move one cell forward unless a wall is there.</summary>
    public const int Forward = 2;

    /// <summary>The number of actions.</summary>
    public const int ActionCount = 3;

    private readonly GridLevel?[] _levels;
    private readonly GridCell[] _agents;
    private readonly int[] _directions;
    private readonly int[] _steps;
    private readonly List<double>[] _returns;
    private readonly int[] _solved;

    /// <summary>Creates <paramref name="count"/> environments; each needs a <see cref="Load"/> before it steps.</summary>
    /// <param name="size">The grid size of the levels.</param>
    /// <param name="count">The number of environments.</param>
    /// <param name="maxSteps">The episode length; <see cref="GridSize.StudentSteps"/> when null.</param>
    public StudentEnvironments(GridSize size, int count, int? maxSteps = null)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var max = maxSteps ?? size.StudentSteps;
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(maxSteps));
        Size = size;
        Count = count;
        MaxSteps = max;
        _levels = new GridLevel?[count];
        _agents = new GridCell[count];
        _directions = new int[count];
        _steps = new int[count];
        _returns = [.. Enumerable.Range(0, count).Select(_ => new List<double>())];
        _solved = new int[count];
    }

    /// <summary>The grid size.</summary>
    public GridSize Size { get; }

    /// <summary>The number of environments.</summary>
    public int Count { get; }

    /// <summary>The episode length.</summary>
    public int MaxSteps { get; }

    /// <summary>Gives an environment a level and starts a new episode on it (an unfinished episode is dropped).</summary>
    public void Load(int env, GridLevel level)
    {
        CheckEnv(env);
        ArgumentNullException.ThrowIfNull(level);
        if (level.Size != Size)
        {
            throw new ArgumentException($"The level is {level.Size.Name}; these environments are {Size.Name}.", nameof(level));
        }

        _levels[env] = level;
        Restart(env);
    }

    /// <summary>The level an environment plays.</summary>
    public GridLevel Level(int env) => LoadedLevel(env);

    /// <summary>The agent's cell in an environment.</summary>
    public GridCell AgentCell(int env)
    {
        LoadedLevel(env);
        return _agents[env];
    }

    /// <summary>The agent's direction in an environment (0 right, 1 down, 2 left, 3 up).</summary>
    public int AgentDirection(int env)
    {
        LoadedLevel(env);
        return _directions[env];
    }

    /// <summary>The steps taken in an environment's current episode.</summary>
    public int EpisodeSteps(int env)
    {
        LoadedLevel(env);
        return _steps[env];
    }

    /// <summary>
    /// Steps every environment with its action; writes each one's reward and whether its episode ended (it has
    /// then restarted, so the next observation is the level's start).
    /// </summary>
    public void Step(ReadOnlySpan<int> actions, Span<float> rewards, Span<bool> dones)
    {
        if (actions.Length != Count || rewards.Length < Count || dones.Length < Count)
        {
            throw new ArgumentException($"Stepping {Count} environments takes {Count} actions, rewards and dones.", nameof(actions));
        }

        for (var env = 0; env < Count; env++)
        {
            LoadedLevel(env);
            if ((uint)actions[env] >= ActionCount)
            {
                throw new ArgumentOutOfRangeException(nameof(actions), actions[env], $"Environment {env}: an action is 0 (left), 1 (right) or 2 (forward).");
            }
        }

        for (var env = 0; env < Count; env++)
        {
            var level = _levels[env]!;
            var reward = 0.0;
            var done = false;
            _steps[env]++;
            switch (actions[env])
            {
                case TurnLeft:
                    _directions[env] = (_directions[env] + 3) % 4;
                    break;
                case TurnRight:
                    _directions[env] = (_directions[env] + 1) % 4;
                    break;
                default:
                    var next = _agents[env].Step(_directions[env]);
                    if (!level.Blocked[(next.Y * Size.Width) + next.X])
                    {
                        _agents[env] = next;
                        if (next == level.Goal)
                        {
                            reward = 1.0 - (0.9 * _steps[env] / MaxSteps);
                            done = true;
                            _solved[env]++;
                        }
                    }

                    break;
            }

            done |= _steps[env] >= MaxSteps;
            rewards[env] = (float)reward;
            dones[env] = done;
            if (done)
            {
                _returns[env].Add(reward);
                Restart(env);
            }
        }
    }

    /// <summary>The returns of an environment's completed episodes since <see cref="ClearEpisodes"/>, oldest first.</summary>
    public IReadOnlyList<double> EpisodeReturns(int env)
    {
        CheckEnv(env);
        return _returns[env].AsReadOnly();
    }

    /// <summary>How many of an environment's completed episodes since <see cref="ClearEpisodes"/> reached the goal.</summary>
    public int Solved(int env)
    {
        CheckEnv(env);
        return _solved[env];
    }

    /// <summary>Forgets the completed episodes' returns and solved counts (running episodes go on).</summary>
    public void ClearEpisodes()
    {
        foreach (var returns in _returns)
        {
            returns.Clear();
        }

        Array.Clear(_solved);
    }

    private void Restart(int env)
    {
        var level = _levels[env]!;
        _agents[env] = level.Agent;
        _directions[env] = level.AgentDirection;
        _steps[env] = 0;
    }

    private GridLevel LoadedLevel(int env)
    {
        CheckEnv(env);
        return _levels[env] ?? throw new InvalidOperationException($"Environment {env} has no level; Load one first.");
    }

    private void CheckEnv(int env)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(env);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(env, Count);
    }
}
