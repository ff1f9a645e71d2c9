namespace NasOrleans.Training.Paired;

/// <summary>What one <see cref="RecurrentAgent.Update"/> did, averaged over its epochs and minibatches.</summary>
/// <param name="PolicyLoss">The clipped surrogate loss, −mean(min(r·A, clip(r)·A)).</param>
/// <param name="ValueLoss">The clipped value loss, 0.5·mean(max((V−R)², (V_clipped−R)²)) (before <see cref="PpoSettings.ValueCoefficient"/>).</param>
/// <param name="Entropy">The policy's mean entropy (nats).</param>
/// <param name="ApproxKl">The estimate mean((r − 1) − log r) of KL(old ‖ new).</param>
/// <param name="ClipFraction">The fraction of samples with |r − 1| &gt; ε.</param>
/// <param name="MeanReturn">The rollout's undiscounted reward sum per environment, averaged over environments.</param>
/// <param name="Updates">The agent's update count after this one.</param>
public sealed record PpoStats(double PolicyLoss, double ValueLoss, double Entropy, double ApproxKl, double ClipFraction, double MeanReturn, int Updates);
