using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// How <see cref="CategoricalPolicy"/> maps a decision's values to its actions and back: one action per value for a
/// categorical decision or an integer one of at most <see cref="CategoricalPolicy.MaxIntegerValues"/> values, else one
/// action per bin (equal-width positions for a float, on a log scale for a log float; consecutive index runs for a
/// large integer), the value being drawn uniformly within the chosen bin.
/// </summary>
internal static class PolicyActions
{
    /// <summary>Whether the decision gets one action per value.</summary>
    public static bool IsPerValue(Decision d) =>
        d.Kind == DecisionKind.Categorical || (d.Kind == DecisionKind.Integer && d.Cardinality <= CategoricalPolicy.MaxIntegerValues);

    /// <summary>The value of an action: the value itself, or a uniform draw within the bin.</summary>
    public static double Value(Decision d, int action, int bins, DeterministicRandom random) =>
        IsPerValue(d) ? (d.Kind == DecisionKind.Categorical ? action : d.Min + ((long)action * d.Step))
        : d.Kind == DecisionKind.Integer ? BinnedInteger(d, action, bins, random)
        : Uniform(d, (double)action / bins, (double)(action + 1) / bins, random);

    /// <summary>A value drawn uniformly between two positions in [0, 1] of the decision's range (for unlearned decisions: 0 to 1).</summary>
    public static double Uniform(Decision d, double from, double to, DeterministicRandom random)
    {
        var position = from + (random.NextDouble() * (to - from));
        if (d.Kind == DecisionKind.Integer)
        {
            var count = d.Cardinality!.Value;
            var index = Math.Min(count - 1, (long)(position * count));
            return d.Min + (index * d.Step);
        }

        return d.Log
            ? Math.Exp(Math.Log(d.Min) + (position * (Math.Log(d.Max) - Math.Log(d.Min))))
            : d.Min + (position * (d.Max - d.Min));
    }

    /// <summary>The action of an active value.</summary>
    public static int Action(Decision d, double value, int bins)
    {
        if (d.Kind == DecisionKind.Categorical)
        {
            return (int)value;
        }

        if (IsPerValue(d))
        {
            return (int)(((long)value - (long)d.Min) / d.Step);
        }

        if (d.Kind == DecisionKind.Integer)
        {
            // The bin whose index range holds the value's index (see BinnedInteger).
            var valueIndex = ((long)value - (long)d.Min) / d.Step;
            return (int)((((valueIndex + 1) * bins) - 1) / d.Cardinality!.Value);
        }

        var position = d.Max <= d.Min ? 0
            : d.Log ? (Math.Log(value) - Math.Log(d.Min)) / (Math.Log(d.Max) - Math.Log(d.Min))
            : (value - d.Min) / (d.Max - d.Min);
        return Math.Clamp((int)(position * bins), 0, bins - 1);
    }

    /// <summary>A value of a large integer decision drawn uniformly from bin <paramref name="bin"/>: its values of index
    /// floor(bin·count/bins) up to floor((bin+1)·count/bins), exclusive (never empty, as bins &lt;= 256 &lt; count).</summary>
    private static double BinnedInteger(Decision d, int bin, int bins, DeterministicRandom random)
    {
        var count = d.Cardinality!.Value;
        var low = bin * count / bins;
        var high = (bin + 1) * count / bins;
        return d.Min + (random.NextLong(low, high - 1) * d.Step);
    }
}
