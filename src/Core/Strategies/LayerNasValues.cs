using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>Value helpers of <see cref="LayerNas"/>: drawing a decision's value and changing one decision of an architecture.</summary>
internal static class LayerNasValues
{
    /// <summary>A uniformly random value of <paramref name="d"/> (log-uniform for a log float).</summary>
    public static double Draw(Decision d, DeterministicRandom random) => d.Kind switch
    {
        DecisionKind.Categorical => random.NextInt(d.Choices.Count),
        DecisionKind.Integer => d.Min + (random.NextLong(0, d.Cardinality!.Value - 1) * d.Step),
        _ when d.Log => Math.Exp(Math.Log(d.Min) + (random.NextDouble() * (Math.Log(d.Max) - Math.Log(d.Min)))),
        _ => d.Min + (random.NextDouble() * (d.Max - d.Min)),
    };

    /// <summary>
    /// <paramref name="parent"/> with decision <paramref name="index"/> set to <paramref name="value"/>; later decisions
    /// that become inactive are cleared and those that become active are drawn at random.
    /// </summary>
    public static Architecture WithValue(SearchSpace space, Architecture parent, int index, double value, DeterministicRandom random)
    {
        var values = parent.Values.ToArray();
        values[index] = value;
        for (var j = index + 1; j < values.Length; j++)
        {
            if (!space.IsActive(j, values))
            {
                values[j] = double.NaN;
            }
            else if (double.IsNaN(values[j]))
            {
                values[j] = Draw(space.Decisions[j], random);
            }
        }

        return new Architecture(values);
    }
}
