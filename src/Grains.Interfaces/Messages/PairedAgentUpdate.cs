namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A round's update of one agent.</summary>
/// <param name="Round">The round (the study's trial id).</param>
/// <param name="BasedOn">The update count of the state it was computed from (<see cref="PairedAgentSnapshot.Updates"/>).</param>
/// <param name="State">The updated package.</param>
/// <param name="Episodes">Episodes the round's rollout held (levels built, or student episodes finished).</param>
/// <param name="Steps">Environment steps of the rollout.</param>
/// <param name="MeanReturn">The rollout's mean episode return.</param>
[GenerateSerializer, Immutable]
[Alias("nas.PairedAgentUpdate")]
public sealed record PairedAgentUpdate(
    [property: Id(0)] long Round,
    [property: Id(1)] int BasedOn,
    [property: Id(2)] byte[] State,
    [property: Id(3)] int Episodes,
    [property: Id(4)] long Steps,
    [property: Id(5)] double MeanReturn);
