using System.Globalization;

namespace NasOrleans.Training.Paired;

/// <summary>
/// PPO hyperparameters of a <see cref="RecurrentAgent"/>. The defaults are those of the PAIRED reference code
/// (ucl-dark/paired, MiniGrid students); change any with <c>with</c>, for example <c>new PpoSettings { EntropyCoefficient = 0.01 }</c>.
/// </summary>
public sealed record PpoSettings
{
    /// <summary>Adam's learning rate (default 1e-4); must be in (0, 1].</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>The discount (default 0.995); must be in [0, 1].</summary>
    public double Gamma { get; init; } = 0.995;

    /// <summary>GAE's λ (default 0.95); must be in [0, 1].</summary>
    public double GaeLambda { get; init; } = 0.95;

    /// <summary>PPO's clip ε of the probability ratio and of the value change (default 0.2); must be in (0, 1).</summary>
    public double Clip { get; init; } = 0.2;

    /// <summary>Passes over each rollout (default 5); must be in [1, 1000].</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Minibatches per epoch, split by environment (default 1); must be in [1, 4096] and at most the rollout's environments.</summary>
    public int Minibatches { get; init; } = 1;

    /// <summary>Weight of the value loss (default 0.5); must be in [0, 1000].</summary>
    public double ValueCoefficient { get; init; } = 0.5;

    /// <summary>Weight of the entropy bonus (default 0, as for the reference's students); must be in [0, 1000].</summary>
    public double EntropyCoefficient { get; init; }

    /// <summary>The gradients' global L2 norm is clipped to this (default 0.5); must be in (0, 1e6].</summary>
    public double MaxGradNorm { get; init; } = 0.5;

    /// <summary>Units of the LSTM cell (default 64); must be in [1, 4096].</summary>
    public int Hidden { get; init; } = 64;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of range and its valid range.</summary>
    public void Validate()
    {
        Check(LearningRate is > 0 and <= 1, nameof(LearningRate), LearningRate, "(0, 1]");
        Check(Gamma is >= 0 and <= 1, nameof(Gamma), Gamma, "[0, 1]");
        Check(GaeLambda is >= 0 and <= 1, nameof(GaeLambda), GaeLambda, "[0, 1]");
        Check(Clip is > 0 and < 1, nameof(Clip), Clip, "(0, 1)");
        Check(Epochs is >= 1 and <= 1000, nameof(Epochs), Epochs, "[1, 1000]");
        Check(Minibatches is >= 1 and <= 4096, nameof(Minibatches), Minibatches, "[1, 4096]");
        Check(ValueCoefficient is >= 0 and <= 1000, nameof(ValueCoefficient), ValueCoefficient, "[0, 1000]");
        Check(EntropyCoefficient is >= 0 and <= 1000, nameof(EntropyCoefficient), EntropyCoefficient, "[0, 1000]");
        Check(MaxGradNorm is > 0 and <= 1e6, nameof(MaxGradNorm), MaxGradNorm, "(0, 1e6]");
        Check(Hidden is >= 1 and <= 4096, nameof(Hidden), Hidden, "[1, 4096]");
    }

    private static void Check(bool ok, string field, double value, string range)
    {
        // NaN fails every comparison above, so it lands here too.
        if (!ok)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"PpoSettings.{field} is {value}; it must be in {range}."), field);
        }
    }
}
