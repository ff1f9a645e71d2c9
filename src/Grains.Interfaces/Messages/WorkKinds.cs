namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>The kinds of work a lease carries (<see cref="TrialTask.Kind"/>).</summary>
public static class WorkKinds
{
    /// <summary>Train one architecture with the study's trainer.</summary>
    public const string Trial = "trial";

    /// <summary>A weight-sharing supernet search (TuNAS, MPNAS): hours long, checkpointed, resumed on another trainer after a kill.</summary>
    public const string SupernetSearch = "supernet-search";

    /// <summary>One round of an environment-design study (PAIRED, minimax, domain randomization): levels, rollouts, PPO updates of the agents.</summary>
    public const string PairedRound = "paired-round";
}
