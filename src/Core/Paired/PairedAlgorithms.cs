using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Paired;

/// <summary>
/// The environment-design algorithms (Dennis, Jaques et al., NeurIPS 2020): a study of rounds in which levels of the
/// <c>gridworld</c> space are built and played by learning agents, each round one trial a trainer runs.
/// </summary>
public static class PairedAlgorithms
{
    /// <summary>PAIRED: adversary, protagonist and antagonist, the adversary rewarded by the regret.</summary>
    public const string Paired = "paired";

    /// <summary>The minimax adversary baseline.</summary>
    public const string Minimax = "minimax";

    /// <summary>The domain-randomization baseline.</summary>
    public const string DomainRandomization = "domain-randomization";

    /// <summary>The work kind of a round (a lease's kind).</summary>
    public const string RoundWork = "paired-round";

    /// <summary>The trainer kind that runs rounds.</summary>
    public const string TrainerKind = "paired";

    /// <summary>The study artifact holding the protagonist's latest evaluated package (what <c>nas export</c> writes).</summary>
    public const string ProtagonistArtifact = "paired/protagonist";

    /// <summary>The <c>paired</c> entry.</summary>
    public static AlgorithmDescriptor PairedDescriptor { get; } = Describe(
        Paired,
        "PAIRED environment design: each round an adversary builds levels of the gridworld space, a protagonist and an antagonist play them, and the adversary and antagonist are rewarded by the regret (the antagonist's best return minus the protagonist's mean); three PPO agents, each a grain.");

    /// <summary>The <c>minimax</c> entry.</summary>
    public static AlgorithmDescriptor MinimaxDescriptor { get; } = Describe(
        Minimax,
        "Minimax environment design (PAIRED's baseline): an adversary builds levels rewarded with minus the protagonist's return; no antagonist.");

    /// <summary>The <c>domain-randomization</c> entry.</summary>
    public static AlgorithmDescriptor DomainRandomizationDescriptor { get; } = Describe(
        DomainRandomization,
        "Domain randomization (PAIRED's baseline): random walls, goal and agent each round; the protagonist learns on them.");

    /// <summary>Every entry.</summary>
    public static IReadOnlyList<AlgorithmDescriptor> All { get; } = [PairedDescriptor, MinimaxDescriptor, DomainRandomizationDescriptor];

    /// <summary>Whether <paramref name="algorithm"/> is one of these.</summary>
    public static bool Is(string? algorithm) => algorithm is Paired or Minimax or DomainRandomization;

    /// <summary>The method of an algorithm name; throws for another name.</summary>
    public static PairedMethod MethodOf(string algorithm) => algorithm switch
    {
        Paired => PairedMethod.Paired,
        Minimax => PairedMethod.Minimax,
        DomainRandomization => PairedMethod.DomainRandomization,
        _ => throw new ArgumentException($"'{algorithm}' is not an environment-design algorithm; use {Paired}, {Minimax} or {DomainRandomization}.", nameof(algorithm)),
    };

    private static AlgorithmDescriptor Describe(string name, string description) => new(
        name,
        description,
        PairedOptions.Parameters,
        (_, _, _) => throw new NotSupportedException($"'{name}' runs its rounds on trainer silos (work kind {RoundWork}); it proposes no architectures."))
    {
        Job = RoundWork,
        RoundsAsTrials = true,
    };
}
