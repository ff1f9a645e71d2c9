namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A trial leased to an outside worker.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="LeaseId">The lease, echoed in every later call about the trial.</param>
/// <param name="Attempt">The lease's attempt number (1 for the first).</param>
/// <param name="Parameters">The trial's decisions by name, as <c>nas show</c> prints them.</param>
/// <param name="ExpiresAt">When the lease expires unless a heartbeat extends it.</param>
/// <param name="Redelivered">True when this client held the trial already and had not finished it.</param>
[GenerateSerializer, Immutable]
[Alias("nas.SuggestedTrial")]
public sealed record SuggestedTrial(
    [property: Id(0)] long TrialId,
    [property: Id(1)] Guid LeaseId,
    [property: Id(2)] int Attempt,
    [property: Id(3)] IReadOnlyDictionary<string, string> Parameters,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] bool Redelivered);
