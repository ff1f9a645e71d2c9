namespace NasOrleans.Core.WeightSharing;

/// <summary>The reward of one sample (see <see cref="TunasRewards"/>), for <see cref="TunasController.Update(IReadOnlyList{TunasReward}, double)"/>.</summary>
/// <param name="SampleId">The <see cref="TunasSample.Id"/> the reward belongs to.</param>
/// <param name="Reward">The reward (higher is better); a non-finite one closes the sample without teaching.</param>
public sealed record TunasReward(long SampleId, double Reward);
