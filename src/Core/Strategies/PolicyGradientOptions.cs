using System.Globalization;

namespace NasOrleans.Core.Strategies;

/// <summary>The parameters shared by <see cref="Reinforce"/> and <see cref="Ppo"/>.</summary>
/// <param name="LearningRate">Adam's step size on the logits.</param>
/// <param name="BaselineDecay">The moving-average baseline's decay.</param>
/// <param name="EntropyWeight">The weight of the entropy bonus (in reward units per nat).</param>
/// <param name="FloatBins">Bins of a float (or large integer) decision; 0 samples it uniformly.</param>
/// <param name="Shaping">How scores become rewards.</param>
public sealed record PolicyGradientOptions(double LearningRate, double BaselineDecay, double EntropyWeight, int FloatBins, RewardShaping Shaping)
{
    /// <summary>The controller the policy runs on: <c>factorized</c> or <c>lstm</c> (see <see cref="PolicyModels"/>).</summary>
    public string Controller { get; init; } = FactorizedPolicyModel.Name;

    /// <summary>Hidden units of the LSTM controller.</summary>
    public int LstmHidden { get; init; } = 32;

    /// <summary>The documented parameters, with <paramref name="learningRate"/> as the default step size.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters(string learningRate) =>
    [
        new("learning_rate", ParameterKind.Number, learningRate, "Adam's step size on the policy's logits.", Min: 1e-6, Max: 10),
        new("baseline_decay", ParameterKind.Number, "0.95", "Decay of the exponential-moving-average reward baseline (bias-corrected); advantage = reward - baseline.", Min: 0, Max: 0.9999),
        new("entropy_weight", ParameterKind.Number, "0", "Weight of the entropy bonus added to the objective, in reward units per nat (0: none).", Min: 0, Max: 1000),
        new("float_bins", ParameterKind.Integer, "8", "Bins a float (or an integer of over 256 values) decision is discretized into; the value is uniform within the chosen bin. 0 samples such decisions uniformly, unlearned.", Min: 0, Max: CategoricalPolicy.MaxIntegerValues),
        new("reward_shaping", ParameterKind.Text, "none", "none (reward = score); mnas: score*(cost/target)^exponent (soft); mnas-hard: the score at or under the target, score*(cost/target)^exponent above it; tunas: score + exponent*|cost/target - 1|. Needs the study's cost function.", Choices: RewardShaping.Kinds),
        new("cost_target", ParameterKind.Number, "1", "The cost target of reward shaping, in the cost's unit.", Min: 1e-12, Max: 1e12),
        new("cost_exponent", ParameterKind.Number, "-0.07", "MnasNet's exponent w (soft: -0.07; hard: -1 in the paper) or TuNAS's beta (negative penalizes).", Min: -100, Max: 100),
        CostMetricParameter,
        new("controller", ParameterKind.Text, FactorizedPolicyModel.Name, "factorized: one softmax per decision (TuNAS); lstm: an LSTM that emits the decisions in sequence, each conditioned on the ones before (Zoph & Le; TorchSharp, in hosts that have it).", Choices: [FactorizedPolicyModel.Name, "lstm"]),
        new("lstm_hidden", ParameterKind.Integer, "32", "Hidden units of the lstm controller.", Min: 4, Max: 1024),
    ];

    /// <summary>
    /// The cost metric of reward shaping and constraints in studies: a metric the trainer computes before training; empty
    /// means the metric of the first constraint with a max on one (see <c>StudyCost</c>).
    /// </summary>
    public static ParameterDescriptor CostMetricParameter { get; } =
        new("cost_metric", ParameterKind.Text, "", "In studies, the cost of reward shaping and of the limit: a metric the trainer computes before training (params, flops, latency_ms, ...); empty: the first constraint with a max on such a metric.");

    /// <summary>Reads the options from resolved parameters.</summary>
    public static PolicyGradientOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.GetDouble("learning_rate"),
            p.GetDouble("baseline_decay"),
            p.GetDouble("entropy_weight"),
            p.GetInt("float_bins"),
            new RewardShaping(p.GetString("reward_shaping"), p.GetDouble("cost_target"), p.GetDouble("cost_exponent")))
        {
            Controller = p.GetString("controller"),
            LstmHidden = p.GetInt("lstm_hidden"),
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"controller {Controller}, lr {LearningRate}, baseline decay {BaselineDecay}, entropy {EntropyWeight}, float bins {FloatBins}, shaping {Shaping.Kind}");
}
