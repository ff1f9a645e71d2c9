namespace NasOrleans.Core.Strategies;

/// <summary>One observation waiting in <see cref="Ppo"/>'s buffer.</summary>
/// <param name="Key">The architecture's key.</param>
/// <param name="Advantage">Its advantage (reward minus the baseline when it was observed).</param>
/// <param name="OldLogProb">Its log-probability under the policy that proposed it.</param>
internal sealed record PpoSample(string Key, double Advantage, double OldLogProb);
