namespace NasOrleans.Grains.Paired;

/// <summary>A PAIRED agent's persisted state: its current package, the one before the last update (a repeated round starts from it), and its counts.</summary>
[GenerateSerializer]
[Alias("nas.PairedAgentState")]
public sealed class PairedAgentState
{
    /// <summary>The current package (null before the first update).</summary>
    [Id(0)]
    public byte[]? Current { get; set; }

    /// <summary>The package before the last update.</summary>
    [Id(1)]
    public byte[]? Previous { get; set; }

    /// <summary>Updates applied.</summary>
    [Id(2)]
    public int Updates { get; set; }

    /// <summary>The round of the last applied update (0: none).</summary>
    [Id(3)]
    public long LastRound { get; set; }

    /// <summary>Rollouts whose update arrived, applied or not.</summary>
    [Id(4)]
    public int RolloutsReceived { get; set; }

    /// <summary>Environment steps of the applied rollouts.</summary>
    [Id(5)]
    public long Steps { get; set; }

    /// <summary>The last applied rollout's mean return.</summary>
    [Id(6)]
    public double LastMeanReturn { get; set; }

    /// <summary>Updates that arrived for a round already applied.</summary>
    [Id(7)]
    public int Duplicates { get; set; }

    /// <summary>Updates computed from a state no longer current.</summary>
    [Id(8)]
    public int Stale { get; set; }
}
