namespace NasOrleans.Core.Strategies;

/// <summary>
/// How a policy-gradient controller turns an observed score into its reward, given the architecture's cost (for
/// example a measured latency) from the study's cost function. <c>none</c>: the score. <c>mnas</c> (MnasNet, Tan et
/// al. 2019): score · (cost / target)^exponent, the soft constraint (w = −0.07 in the paper on both sides of the
/// target). <c>mnas-hard</c> (MnasNet's hard constraint, α = 0 and β = exponent): the score as it is at or under the
/// target, score · (cost / target)^exponent above it (the paper uses β = −1). <c>tunas</c>
/// (TuNAS, Bender et al. 2020, absolute reward): score + exponent · |cost / target − 1|, with a negative exponent
/// (the paper's β) penalizing any distance from the target. A strategy sees only the score, so shaping needs the cost
/// function the host passes through <see cref="StrategyContext"/>.
/// </summary>
/// <param name="Kind"><c>none</c>, <c>mnas</c>, <c>mnas-hard</c> or <c>tunas</c>.</param>
/// <param name="Target">The cost target (positive; the cost's unit).</param>
/// <param name="Exponent">MnasNet's exponent w or TuNAS's β.</param>
public sealed record RewardShaping(string Kind, double Target, double Exponent)
{
    /// <summary>The kinds, as parameters name them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["none", "mnas", "mnas-hard", "tunas"];

    /// <summary>No shaping: the reward is the score.</summary>
    public static RewardShaping None { get; } = new("none", 1, 0);

    /// <summary>Whether the reward depends on the cost.</summary>
    public bool NeedsCost => Kind != "none";

    /// <summary>The reward for <paramref name="score"/> at <paramref name="cost"/> (ignored by <c>none</c>).</summary>
    public double Reward(double score, double cost) => Kind switch
    {
        "none" => score,
        "mnas" => score * Math.Pow(Math.Max(cost, 0) / Target, Exponent),
        "mnas-hard" => cost <= Target ? score : score * Math.Pow(cost / Target, Exponent),
        "tunas" => score + (Exponent * Math.Abs((cost / Target) - 1)),
        _ => throw new InvalidOperationException($"Unknown reward shaping '{Kind}'; known: {string.Join(", ", Kinds)}."),
    };
}
