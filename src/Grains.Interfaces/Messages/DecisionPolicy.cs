namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>
/// A controller's distribution over one decision: its actions (the values, or bins of a float decision) and their
/// probabilities, in order; both empty when the decision is sampled uniformly and not learned.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("nas.DecisionPolicy")]
public sealed record DecisionPolicy(
    [property: Id(0)] string Decision,
    [property: Id(1)] IReadOnlyList<string> Actions,
    [property: Id(2)] IReadOnlyList<double> Probabilities);
