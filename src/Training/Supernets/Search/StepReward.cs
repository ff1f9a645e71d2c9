namespace NasOrleans.Training.Supernets.Search;

/// <summary>The reward of the path a domain's controller gave for <paramref name="Step"/>.</summary>
/// <param name="Step">The search step.</param>
/// <param name="Reward">The reward (for example TuNAS's absolute reward of the path's validation accuracy and cost).</param>
/// <param name="Accuracy">The path's accuracy on the step's validation batch, in percent.</param>
/// <param name="Cost">The path's cost (params or FLOPs), as the reward used it.</param>
public sealed record StepReward(long Step, double Reward, double Accuracy, double Cost);
