namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>The answer to an outside worker's result.</summary>
/// <param name="Accepted">True when the result was recorded.</param>
/// <param name="Reason">Why it was not: the lease is not the trial's current one, or the trial is already finished.</param>
[GenerateSerializer, Immutable]
[Alias("nas.TellReply")]
public sealed record TellReply(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string? Reason = null);
