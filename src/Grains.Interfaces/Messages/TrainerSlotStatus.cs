namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A trainer slot's standing.</summary>
[GenerateSerializer, Immutable]
[Alias("nas.TrainerSlotStatus")]
public sealed record TrainerSlotStatus(
    [property: Id(0)] string SlotId,
    [property: Id(1)] bool Running,
    [property: Id(2)] long TrialsCompleted,
    [property: Id(3)] long TrialsFailed,
    [property: Id(4)] string? CurrentTrial,
    [property: Id(5)] string Silo);
