using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>One term of a policy-gradient step: the step increases <see cref="Weight"/> · log π(<see cref="Architecture"/>).</summary>
/// <param name="Architecture">A sampled architecture.</param>
/// <param name="Weight">Its weight (an advantage, a PPO ratio times an advantage, a TabNAS correction).</param>
public readonly record struct PolicyTerm(Architecture Architecture, double Weight);
