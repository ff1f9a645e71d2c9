namespace NasOrleans.Core.WeightSharing;

/// <summary>
/// The reward functions of a latency-aware weight-sharing search, as TuNAS (Bender et al. 2020) defines them
/// (<c>search_space_utils.reward_for_single_cost_model</c> in google-research <c>tunas/</c>): the absolute reward
/// R = accuracy + β·|cost/target − 1| (TuNAS's default, β = −0.10), and MnasNet's soft reward
/// R = accuracy · (cost/target)^w (Tan et al. 2019, w = −0.07) for comparison.
/// </summary>
public static class TunasRewards
{
    /// <summary>TuNAS's default β of the absolute reward (<c>rl_cost_model_exponent</c>).</summary>
    public const double DefaultBeta = -0.10;

    /// <summary>MnasNet's soft-constraint exponent w.</summary>
    public const double DefaultMnasExponent = -0.07;

    /// <summary>
    /// TuNAS's absolute reward: <paramref name="accuracy"/> + <paramref name="beta"/>·|cost/target − 1|, which (with a
    /// negative β) penalizes any distance from the target, above or below.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not positive and finite, or the cost not finite.</exception>
    public static double Absolute(double accuracy, double cost, double target, double beta = DefaultBeta) =>
        accuracy + (beta * Math.Abs(Ratio(cost, target) - 1));

    /// <summary>
    /// MnasNet's soft reward: <paramref name="accuracy"/> · (cost/target)^<paramref name="exponent"/>; a cost at or
    /// below 0 counts as 0 (so a negative exponent gives an infinite reward: give it positive costs).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not positive and finite, or the cost not finite.</exception>
    public static double MnasSoft(double accuracy, double cost, double target, double exponent = DefaultMnasExponent) =>
        accuracy * Math.Pow(Math.Max(Ratio(cost, target), 0), exponent);

    private static double Ratio(double cost, double target)
    {
        if (!(target > 0) || !double.IsFinite(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The cost target must be positive and finite.");
        }

        if (!double.IsFinite(cost))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "The cost must be finite.");
        }

        return cost / target;
    }
}
