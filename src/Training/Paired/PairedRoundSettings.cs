using NasOrleans.Core.Paired;

namespace NasOrleans.Training.Paired;

/// <summary>What every round of an environment-design study shares: the method, the grid, the agents' settings, the seed.</summary>
/// <param name="Method">PAIRED, minimax or domain randomization.</param>
/// <param name="Size">The grid.</param>
/// <param name="Walls">Walls per level (the adversary's wall steps, or domain randomization's).</param>
/// <param name="Options">The algorithm's parameters.</param>
/// <param name="Seed">The study's seed: the agents' initial weights, the noise and the random levels derive from it and the round.</param>
/// <param name="Device">The torch device.</param>
public sealed record PairedRoundSettings(PairedMethod Method, GridSize Size, int Walls, PairedOptions Options, ulong Seed, string Device = "cpu")
{
    /// <summary>Steps of a student episode before it times out.</summary>
    public int StudentSteps => Options.StudentSteps > 0 ? Options.StudentSteps : Size.StudentSteps;

    /// <summary>The students' observation and actions: the 5x5 egocentric view (wall, goal, unseen planes) and the direction one-hot.</summary>
    public static AgentShape StudentShape { get; } = new(3, StudentEnvironments.ViewSize, StudentEnvironments.ViewSize, 4, StudentEnvironments.ActionCount);

    /// <summary>The adversary's observation and actions: the whole grid (wall, goal, agent planes), the time step and the noise; a cell per action.</summary>
    public AgentShape AdversaryShape => new(3, Size.Width, Size.Width, 1 + Options.NoiseDim, Size.Cells);

    /// <summary>The PPO settings of the students.</summary>
    public PpoSettings StudentPpo => Ppo(Options.EntropyCoefficient);

    /// <summary>The PPO settings of the adversary.</summary>
    public PpoSettings AdversaryPpo => Ppo(Options.AdversaryEntropyCoefficient);

    /// <summary>The problem with these settings, or null: checked before a round starts.</summary>
    public string? Problem()
    {
        if (Walls > Size.Cells - 2)
        {
            return $"{Walls} walls do not fit the {Size.Name} grid ({Size.Cells} interior cells) with a goal and an agent";
        }

        if (Options.RolloutSteps < StudentSteps)
        {
            return $"rollout_steps {Options.RolloutSteps} is shorter than a student episode ({StudentSteps} steps): every level must be played to its end at least once per round; raise rollout_steps or lower student_steps";
        }

        return Options.Minibatches > Options.Envs ? $"minibatches {Options.Minibatches} split {Options.Envs} environments; use at most envs" : null;
    }

    private PpoSettings Ppo(double entropy) => new()
    {
        LearningRate = Options.LearningRate,
        Gamma = Options.Gamma,
        GaeLambda = Options.GaeLambda,
        Clip = Options.Clip,
        Epochs = Options.Epochs,
        Minibatches = Options.Minibatches,
        ValueCoefficient = Options.ValueCoefficient,
        EntropyCoefficient = entropy,
        MaxGradNorm = Options.MaxGradNorm,
        Hidden = Options.Hidden,
    };
}
