using NasOrleans.Core.Paired;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Training.Paired;

/// <summary>
/// The <c>paired</c> trainer kind: runs an environment-design study's rounds (rollouts of the round's levels and the
/// agents' PPO updates) with TorchSharp on trainer slots. Rounds arrive as their own work kind, so it makes no
/// <see cref="ITrainer"/>.
/// </summary>
public static class PairedTrainer
{
    /// <summary>The metrics a round reports.</summary>
    public static IReadOnlyList<string> Metrics { get; } =
    [
        "regret", "protagonist_return", "antagonist_return", "adversary_return", "solvable_share", "walls", "shortest_path",
        "solved_path_length", "solved_rate", "student_steps", "heldout_solved_rate", "round_seconds", "env_steps_per_second",
    ];

    /// <summary>The parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("device", ParameterKind.Text, "auto", "auto (the slot's device: CUDA when the slot has one), cpu or cuda.", Choices: ["auto", "cpu", "cuda"]),
        new("threads", ParameterKind.Integer, "0", "libtorch CPU threads (torch.set_num_threads); 0 takes the slot's thread budget.", Min: 0, Max: 1024),
    ];

    /// <summary>The catalog entry.</summary>
    public static TrainerDescriptor Descriptor { get; } = new(
        PairedAlgorithms.TrainerKind,
        "Runs environment-design rounds (paired, minimax, domain-randomization): the adversary's levels, the students' rollouts on them, and PPO updates of the agents, whose parameters live in agent grains; per round it reports the regret and the curriculum (solvable share, walls, solved path length), and every eval_every rounds the protagonist's zero-shot solved rate on the held-out levels.",
        Parameters,
        Metrics,
        [SpaceCatalog.Gridworld],
        (_, _, _) => throw new NotSupportedException($"the {PairedAlgorithms.TrainerKind} trainer runs rounds (work kind {PairedAlgorithms.RoundWork}), not trials of architectures"));
}
