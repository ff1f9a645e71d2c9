using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// A learnable distribution over a space's architectures with its optimizer: the factorized categorical policy (one
/// softmax per decision, TuNAS) or a sequence controller such as an LSTM that emits decisions in order (Zoph &amp; Le).
/// REINFORCE, PPO and TabNAS express their updates as weighted log-probability terms, so they run on either.
/// </summary>
public interface IPolicyModel
{
    /// <summary>How the space's decisions map to actions.</summary>
    PolicyLayout Layout { get; }

    /// <summary>Optimizer steps taken.</summary>
    int Updates { get; }

    /// <summary>The learnable parameters, flattened (a copy).</summary>
    IReadOnlyList<double> Parameters { get; }

    /// <summary>Samples an architecture, drawing every random number from <paramref name="random"/>.</summary>
    Architecture Sample(DeterministicRandom random);

    /// <summary>The log-probability of the learned choices of <paramref name="architecture"/>.</summary>
    double LogProb(Architecture architecture);

    /// <summary>
    /// One optimizer step that increases Σ weight · log π(architecture) over <paramref name="terms"/>, plus
    /// <paramref name="entropyWeight"/> times the policy's entropy (as the model defines it).
    /// </summary>
    void Step(IReadOnlyList<PolicyTerm> terms, double entropyWeight);

    /// <summary>The (marginal) probabilities of decision <paramref name="index"/>'s actions; empty when it is not learned.</summary>
    IReadOnlyList<double> Probabilities(int index);

    /// <summary>The model's parameters and optimizer state as text.</summary>
    string SaveState();

    /// <summary>Restores a state written by <see cref="SaveState"/> of a model of the same kind and layout.</summary>
    void RestoreState(string state);
}
