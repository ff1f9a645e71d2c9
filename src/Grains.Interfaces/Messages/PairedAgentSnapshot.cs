namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>An agent's state as a round starts from it.</summary>
/// <param name="Updates">Updates applied to <paramref name="State"/> (0: a new agent, <paramref name="State"/> null).</param>
/// <param name="State">The trainer's package of parameters and optimizer state, or null before the first update.</param>
/// <param name="Applied">Whether the asked round's update was already applied (the state is the one before it).</param>
[GenerateSerializer, Immutable]
[Alias("nas.PairedAgentSnapshot")]
public sealed record PairedAgentSnapshot(
    [property: Id(0)] int Updates,
    [property: Id(1)] byte[]? State,
    [property: Id(2)] bool Applied);
