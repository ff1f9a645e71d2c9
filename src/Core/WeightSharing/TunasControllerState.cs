using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.WeightSharing;

/// <summary>The whole serializable state of a <see cref="TunasController"/>: a restored controller continues bit for bit.</summary>
/// <param name="Logits">The policy's logits.</param>
/// <param name="Adam">The optimizer's moments and steps.</param>
/// <param name="BaselineNumerator">The baseline's decayed sum of step rewards.</param>
/// <param name="BaselineDenominator">The baseline's decayed sum of weights.</param>
/// <param name="NextSampleId">The id the next sample gets.</param>
/// <param name="Outstanding">Samples not yet rewarded: id to the architecture's values (NaN for an inactive decision).</param>
/// <param name="Updates">Optimizer steps taken.</param>
/// <param name="RewardsReceived">Rewards applied.</param>
/// <param name="RewardsRejected">Rewards rejected.</param>
/// <param name="Random">The controller's own sampling generator.</param>
public sealed record TunasControllerState(
    double[] Logits,
    AdamState Adam,
    double BaselineNumerator,
    double BaselineDenominator,
    long NextSampleId,
    Dictionary<long, double[]> Outstanding,
    int Updates,
    long RewardsReceived,
    long RewardsRejected,
    ulong[] Random);
