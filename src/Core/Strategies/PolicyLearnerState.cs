namespace NasOrleans.Core.Strategies;

/// <summary>The serializable state of a <see cref="PolicyLearner"/>.</summary>
/// <param name="Random">The sampling generator's state.</param>
/// <param name="Model">The controller's parameters and optimizer state (<see cref="IPolicyModel.SaveState"/>).</param>
/// <param name="BaselineNumerator">The baseline's decayed sum of rewards.</param>
/// <param name="BaselineDenominator">The baseline's decayed sum of weights.</param>
/// <param name="Pending">Outstanding proposals: architecture key to the log-probabilities at proposal time.</param>
internal sealed record PolicyLearnerState(
    ulong[] Random,
    string Model,
    double BaselineNumerator,
    double BaselineDenominator,
    Dictionary<string, double[]> Pending);
