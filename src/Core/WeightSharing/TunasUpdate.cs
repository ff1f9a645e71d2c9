namespace NasOrleans.Core.WeightSharing;

/// <summary>What one <see cref="TunasController"/> update did, for reports.</summary>
/// <param name="Applied">Rewards applied (their samples closed).</param>
/// <param name="Unknown">Rewards rejected because the controller never produced their sample id.</param>
/// <param name="Duplicate">Rewards rejected because their sample was already rewarded (or released), e.g. resent after a resume.</param>
/// <param name="Invalid">Rewards that were not finite: their samples are closed, nothing is learned from them.</param>
/// <param name="Stepped">Whether the optimizer took a step (at least one reward applied).</param>
/// <param name="LearningRate">The learning rate of the step (the options' rate times the scale; 0 during the RL delay).</param>
/// <param name="MeanReward">The mean of the applied rewards (NaN without any).</param>
/// <param name="Baseline">The baseline after the update.</param>
/// <param name="MeanAdvantage">The mean of reward − baseline over the applied rewards (NaN without any).</param>
/// <param name="Entropy">The policy's entropy after the update (nats, summed over decisions).</param>
public sealed record TunasUpdate(
    int Applied,
    int Unknown,
    int Duplicate,
    int Invalid,
    bool Stepped,
    double LearningRate,
    double MeanReward,
    double Baseline,
    double MeanAdvantage,
    double Entropy)
{
    /// <summary>Rewards rejected: unknown, duplicate or invalid.</summary>
    public int Rejected => Unknown + Duplicate + Invalid;
}
