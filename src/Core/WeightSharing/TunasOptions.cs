using System.Globalization;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.WeightSharing;

/// <summary>
/// The parameters of a <see cref="TunasController"/> and its <see cref="TunasSchedule"/>, with TuNAS's defaults
/// (google-research <c>tunas/mobile_architecture_search.py</c>): learning rate 0.0048 (the flag's 0.0003 scaled by
/// train_batch_size/256 = 4096/256), baseline momentum 0.95, Adam with β1 = 0, β2 = 0.999, ε = 1e-8, no entropy
/// regularization, the absolute reward with β = −0.10, RL delay and op warmup over the first 25% of the steps, and the
/// exponential learning-rate schedule.
/// </summary>
public sealed record TunasOptions
{
    /// <summary>The reward kinds: <c>abs</c> (TuNAS), <c>mnas</c> (MnasNet soft) and <c>none</c> (the accuracy).</summary>
    public static IReadOnlyList<string> RewardKinds { get; } = ["abs", "mnas", "none"];

    /// <summary>Adam's step size on the logits, before the schedule's scale.</summary>
    public double LearningRate { get; init; } = 0.0048;

    /// <summary>The momentum of the zero-debiased exponential moving average of the step's mean reward.</summary>
    public double BaselineMomentum { get; init; } = 0.95;

    /// <summary>Adam's β1 (TuNAS: 0, so no momentum on the gradient).</summary>
    public double AdamBeta1 { get; init; }

    /// <summary>Adam's β2.</summary>
    public double AdamBeta2 { get; init; } = 0.999;

    /// <summary>Adam's ε (added to √v, TuNAS's "epsilon hat").</summary>
    public double AdamEpsilon { get; init; } = 1e-8;

    /// <summary>The weight of the entropy regularization (plain SGD beside Adam, as TuNAS applies it; 0: none).</summary>
    public double EntropyWeight { get; init; }

    /// <summary>Bins of a float (or an integer of over 256 values) decision; 0 samples it uniformly, unlearned.</summary>
    public int FloatBins { get; init; } = 8;

    /// <summary>How <see cref="Reward"/> combines accuracy and cost: one of <see cref="RewardKinds"/>.</summary>
    public string RewardKind { get; init; } = "abs";

    /// <summary>The cost target (positive; the cost's unit).</summary>
    public double CostTarget { get; init; } = 1;

    /// <summary>β of the absolute reward, or w of the MnasNet reward (−0.07 in the paper).</summary>
    public double CostExponent { get; init; } = TunasRewards.DefaultBeta;

    /// <summary>The RL delay, op warmup and learning-rate schedule.</summary>
    public TunasSchedule Schedule { get; init; } = TunasSchedule.Default;

    /// <summary>The documented parameters, as specs name them, with TuNAS's defaults.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("learning_rate", ParameterKind.Number, "0.0048", "Adam's step size on the controller's logits (TuNAS: 0.0003 x 4096/256).", Min: 1e-6, Max: 10),
        new("baseline_momentum", ParameterKind.Number, "0.95", "Momentum of the zero-debiased moving average of each step's mean reward; advantage = reward - baseline.", Min: 0, Max: 0.9999),
        new("adam_beta1", ParameterKind.Number, "0", "Adam's beta1 (TuNAS: 0, no gradient momentum).", Min: 0, Max: 0.9999),
        new("entropy_weight", ParameterKind.Number, "0", "Weight of the entropy regularization, applied as plain SGD beside Adam (0: none).", Min: 0, Max: 1000),
        new("float_bins", ParameterKind.Integer, "8", "Bins a float (or an integer of over 256 values) decision is discretized into; 0 samples such decisions uniformly, unlearned.", Min: 0, Max: CategoricalPolicy.MaxIntegerValues),
        new("reward", ParameterKind.Text, "abs", "abs: accuracy + exponent*|cost/target - 1| (TuNAS); mnas: accuracy*(cost/target)^exponent (MnasNet soft); none: the accuracy.", Choices: RewardKinds),
        new("cost_target", ParameterKind.Number, "1", "The cost target of the reward, in the cost's unit.", Min: 1e-12, Max: 1e12),
        new("cost_exponent", ParameterKind.Number, "-0.1", "TuNAS's beta (abs) or MnasNet's w (mnas, -0.07 in the paper); negative penalizes.", Min: -100, Max: 100),
        new("rl_delay_fraction", ParameterKind.Number, "0.25", "Fraction of the supernet steps before the controller learns.", Min: 0, Max: 1),
        new("op_warmup_fraction", ParameterKind.Number, "0.25", "Fraction of the steps over which the probability of enabling all ops falls from 1 to 0; at most rl_delay_fraction.", Min: 0, Max: 1),
        new("exponential_lr", ParameterKind.Boolean, "true", "Grow the learning rate from 1x to 10x between the end of the delay and the last step (TuNAS)."),
    ];

    /// <summary>Reads (and validates) the options from resolved parameters.</summary>
    public static TunasOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new TunasOptions
        {
            LearningRate = p.GetDouble("learning_rate"),
            BaselineMomentum = p.GetDouble("baseline_momentum"),
            AdamBeta1 = p.GetDouble("adam_beta1"),
            EntropyWeight = p.GetDouble("entropy_weight"),
            FloatBins = p.GetInt("float_bins"),
            RewardKind = p.GetString("reward"),
            CostTarget = p.GetDouble("cost_target"),
            CostExponent = p.GetDouble("cost_exponent"),
            Schedule = new TunasSchedule(p.GetDouble("rl_delay_fraction"), p.GetDouble("op_warmup_fraction"), p.GetBool("exponential_lr")),
        }.Validate();
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first parameter out of its range; returns this.</summary>
    public TunasOptions Validate()
    {
        CheckRange("learning_rate", LearningRate, 1e-6, 10);
        CheckRange("baseline_momentum", BaselineMomentum, 0, 0.9999);
        CheckRange("adam_beta1", AdamBeta1, 0, 0.9999);
        CheckRange("adam_beta2", AdamBeta2, 0, 0.999999);
        CheckRange("adam_epsilon", AdamEpsilon, 1e-12, 1);
        CheckRange("entropy_weight", EntropyWeight, 0, 1000);
        CheckRange("float_bins", FloatBins, 0, CategoricalPolicy.MaxIntegerValues);
        CheckRange("cost_target", CostTarget, 1e-12, 1e12);
        CheckRange("cost_exponent", CostExponent, -100, 100);
        if (!RewardKinds.Contains(RewardKind, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException("reward", RewardKind, $"reward must be one of {string.Join(", ", RewardKinds)}; got '{RewardKind}'.");
        }

        ArgumentNullException.ThrowIfNull(Schedule);
        Schedule.Validate();
        return this;
    }

    /// <summary>The reward of a sample of <paramref name="accuracy"/> at <paramref name="cost"/> (ignored by <c>none</c>).</summary>
    public double Reward(double accuracy, double cost) => RewardKind switch
    {
        "abs" => TunasRewards.Absolute(accuracy, cost, CostTarget, CostExponent),
        "mnas" => TunasRewards.MnasSoft(accuracy, cost, CostTarget, CostExponent),
        _ => accuracy,
    };

    /// <summary>Throws naming <paramref name="name"/> and its range when <paramref name="value"/> is outside [min, max] or not finite.</summary>
    internal static void CheckRange(string name, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be in [{min}, {max}]; got {value}."));
        }
    }
}
