namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>What an agent did with an update. Values are sent: never renumber them.</summary>
[GenerateSerializer]
[Alias("nas.PairedUpdateResult")]
public enum PairedUpdateResult
{
    /// <summary>Applied: the agent's update count rose by one.</summary>
    Applied = 0,

    /// <summary>Ignored: this round's update was already applied (a repeated round or a zombie trainer).</summary>
    Duplicate = 1,

    /// <summary>Refused: computed from a state that is no longer current.</summary>
    Stale = 2,
}
