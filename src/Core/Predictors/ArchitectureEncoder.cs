using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Predictors;

/// <summary>
/// Turns an architecture into one code per decision for <see cref="ArchitectureKernel"/>: a categorical decision, or
/// an integer one of at most <see cref="MaxCategoricalValues"/> values, is coded by the index of its value and compared
/// for equality (as a one-hot encoding would be); a float decision, or a larger integer one, is coded by its position
/// in [0, 1] between min and max (on a log scale for a log float) and compared by distance. An inactive decision is
/// coded NaN.
/// </summary>
public sealed class ArchitectureEncoder
{
    /// <summary>The most values of an integer decision that is treated as categorical.</summary>
    public const int MaxCategoricalValues = 64;

    private readonly SearchSpace _space;
    private readonly bool[] _categorical;

    /// <summary>Creates the encoder of <paramref name="space"/>.</summary>
    public ArchitectureEncoder(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
        _categorical = [.. space.Decisions.Select(d =>
            d.Kind == DecisionKind.Categorical || (d.Kind == DecisionKind.Integer && d.Cardinality <= MaxCategoricalValues))];
    }

    /// <summary>The number of codes (the space's decisions).</summary>
    public int Length => _categorical.Length;

    /// <summary>Whether decision <paramref name="index"/> is coded by its value's index (compared for equality).</summary>
    public bool IsCategorical(int index) => _categorical[index];

    /// <summary>The codes of <paramref name="architecture"/>.</summary>
    public double[] Encode(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (architecture.Values.Length != _categorical.Length)
        {
            throw new ArgumentException($"The architecture has {architecture.Values.Length} values; the space has {_categorical.Length} decisions.", nameof(architecture));
        }

        var codes = new double[_categorical.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var value = architecture[i];
            var d = _space.Decisions[i];
            codes[i] = double.IsNaN(value) ? double.NaN
                : d.Kind == DecisionKind.Categorical ? value
                : _categorical[i] ? ((long)value - (long)d.Min) / d.Step
                : Position(d, value);
        }

        return codes;
    }

    private static double Position(Decision d, double value)
    {
        if (d.Max <= d.Min)
        {
            return 0;
        }

        var position = d.Kind == DecisionKind.Float && d.Log
            ? (Math.Log(value) - Math.Log(d.Min)) / (Math.Log(d.Max) - Math.Log(d.Min))
            : (value - d.Min) / (d.Max - d.Min);
        return Math.Clamp(position, 0, 1);
    }
}
