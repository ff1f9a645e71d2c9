namespace NasOrleans.Client.Chaos;

/// <summary>The kind of silo a chaos kill hits.</summary>
internal enum ChaosVictimRole
{
    /// <summary>A control silo (hosts studies and scheduler shards, never trains).</summary>
    Control,

    /// <summary>A trainer silo (trains, hosts no study).</summary>
    Trainer,
}
