namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>The answer to a submission: the study's summary when accepted, else every problem of the spec.</summary>
[GenerateSerializer, Immutable]
[Alias("nas.SubmitResult")]
public sealed record SubmitResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] StudySummary? Study,
    [property: Id(2)] IReadOnlyList<string> Errors);
