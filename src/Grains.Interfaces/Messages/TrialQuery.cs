namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A page of a study's trials: skip <see cref="Offset"/>, take at most <see cref="Limit"/>, optionally of one status.</summary>
[GenerateSerializer, Immutable]
[Alias("nas.TrialQuery")]
public sealed record TrialQuery(
    [property: Id(0)] int Offset,
    [property: Id(1)] int Limit,
    [property: Id(2)] TrialStatus? Status = null,
    [property: Id(3)] TrialOrder Order = TrialOrder.ById);
