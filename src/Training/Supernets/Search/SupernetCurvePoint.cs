namespace NasOrleans.Training.Supernets.Search;

/// <summary>A domain's means over one checkpoint interval of a supernet search.</summary>
/// <param name="Step">Steps done at the end of the interval.</param>
/// <param name="Steps">Steps in the interval.</param>
/// <param name="TrainLoss">The mean training loss (cross entropy) of the sampled paths.</param>
/// <param name="ValidationAccuracy">The mean accuracy of the sampled paths on their validation batches, in percent.</param>
/// <param name="MeanReward">The mean reward of the sampled paths (computed during the RL delay too, though not sent then).</param>
public sealed record SupernetCurvePoint(long Step, int Steps, double TrainLoss, double ValidationAccuracy, double MeanReward);
