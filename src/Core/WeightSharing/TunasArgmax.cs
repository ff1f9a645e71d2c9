using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.WeightSharing;

/// <summary>The value a decision takes in the most likely architecture: the most likely value, or the centre of the most likely bin.</summary>
internal static class TunasArgmax
{
    /// <summary>The index of the largest probability (the first of ties).</summary>
    public static int Index(IReadOnlyList<double> probabilities)
    {
        var best = 0;
        for (var k = 1; k < probabilities.Count; k++)
        {
            if (probabilities[k] > probabilities[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>The value of action <paramref name="action"/> of <paramref name="d"/>: the value itself, or the centre of the bin.</summary>
    public static double Value(Decision d, int action, int bins)
    {
        if (PolicyActions.IsPerValue(d))
        {
            return d.Kind == DecisionKind.Categorical ? action : d.Min + ((long)action * d.Step);
        }

        if (d.Kind == DecisionKind.Integer)
        {
            var count = d.Cardinality!.Value;
            var low = action * count / bins;
            var high = (action + 1) * count / bins;
            return d.Min + (((low + high - 1) / 2) * d.Step);
        }

        return Position(d, (action + 0.5) / bins);
    }

    /// <summary>The centre of an unlearned decision's range.</summary>
    public static double Centre(Decision d) =>
        d.Kind == DecisionKind.Integer ? d.Min + (((d.Cardinality!.Value - 1) / 2) * d.Step) : Position(d, 0.5);

    private static double Position(Decision d, double position) =>
        d.Log
            ? Math.Exp(Math.Log(d.Min) + (position * (Math.Log(d.Max) - Math.Log(d.Min))))
            : d.Min + (position * (d.Max - d.Min));
}
