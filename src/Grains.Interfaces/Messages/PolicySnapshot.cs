namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A controller's policy as it stands.</summary>
/// <param name="Algorithm">The algorithm (reinforce, ppo, tabnas).</param>
/// <param name="Updates">Policy updates made (optimizer steps).</param>
/// <param name="Observed">Trials the controller has observed.</param>
/// <param name="Baseline">The reward baseline's value.</param>
/// <param name="Logits">The learnable parameters, decision after decision.</param>
/// <param name="Decisions">Each decision's distribution, in the space's order.</param>
/// <param name="ArgmaxKey">The most likely architecture's key (tunas and mpnas controllers: the search's answer; null for the others).</param>
/// <param name="Entropy">The policy's entropy in nats (the sum over learned decisions); NaN where the controller does not say.</param>
[GenerateSerializer, Immutable]
[Alias("nas.PolicySnapshot")]
public sealed record PolicySnapshot(
    [property: Id(0)] string Algorithm,
    [property: Id(1)] int Updates,
    [property: Id(2)] int Observed,
    [property: Id(3)] double Baseline,
    [property: Id(4)] IReadOnlyList<double> Logits,
    [property: Id(5)] IReadOnlyList<DecisionPolicy> Decisions,
    [property: Id(6)] string? ArgmaxKey = null,
    [property: Id(7)] double Entropy = double.NaN);
