namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A trainer started training a trial under a lease: the study marks it Running and counts the attempt.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="LeaseId">The lease.</param>
/// <param name="Attempt">The lease's attempt number.</param>
/// <param name="Trainer">The slot training it.</param>
[GenerateSerializer, Immutable]
[Alias("nas.TrialStart")]
public sealed record TrialStart(
    [property: Id(0)] long TrialId,
    [property: Id(1)] Guid LeaseId,
    [property: Id(2)] int Attempt,
    [property: Id(3)] string Trainer);
