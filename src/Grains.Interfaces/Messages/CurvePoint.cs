namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>One intermediate measurement of a trial: its metrics at a step (an epoch, say).</summary>
[GenerateSerializer, Immutable]
[Alias("nas.CurvePoint")]
public sealed record CurvePoint(
    [property: Id(0)] long Step,
    [property: Id(1)] IReadOnlyDictionary<string, double> Metrics,
    [property: Id(2)] DateTimeOffset RecordedAt);
