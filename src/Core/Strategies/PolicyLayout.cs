using System.Globalization;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// How a policy over a search space sees its decisions as actions (shared by the factorized policy and sequence
/// controllers such as an LSTM): one action per value for a categorical decision or an integer one of at most
/// <see cref="CategoricalPolicy.MaxIntegerValues"/> values; <c>floatBins</c> actions (bins) for a float or larger
/// integer decision, whose value is drawn uniformly within the chosen bin; no action (sampled uniformly, not learned)
/// when <c>floatBins</c> is 0.
/// </summary>
public sealed class PolicyLayout
{
    private readonly int[] _offsets;
    private readonly int[] _sizes;

    /// <summary>Creates the layout of <paramref name="space"/> with <paramref name="floatBins"/> bins per binned decision.</summary>
    public PolicyLayout(SearchSpace space, int floatBins)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfNegative(floatBins);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(floatBins, CategoricalPolicy.MaxIntegerValues);
        Space = space;
        FloatBins = floatBins;
        _offsets = new int[space.Decisions.Count];
        _sizes = new int[space.Decisions.Count];
        var total = 0;
        for (var i = 0; i < _sizes.Length; i++)
        {
            var d = space.Decisions[i];
            _offsets[i] = total;
            _sizes[i] = PolicyActions.IsPerValue(d) ? (int)d.Cardinality!.Value : floatBins;
            total += _sizes[i];
        }

        TotalActions = total;
    }

    /// <summary>The space.</summary>
    public SearchSpace Space { get; }

    /// <summary>Bins of a binned decision.</summary>
    public int FloatBins { get; }

    /// <summary>The number of decisions.</summary>
    public int Count => _sizes.Length;

    /// <summary>Actions of all decisions together.</summary>
    public int TotalActions { get; }

    /// <summary>The actions of decision <paramref name="index"/> (0 when it is not learned).</summary>
    public int Actions(int index) => _sizes[index];

    /// <summary>Where decision <paramref name="index"/>'s actions start among all actions.</summary>
    public int Offset(int index) => _offsets[index];

    /// <summary>Whether decision <paramref name="index"/> is active given the values of the decisions before it.</summary>
    public bool IsActive(int index, double[] values) => Space.IsActive(index, values);

    /// <summary>The value of an action of decision <paramref name="index"/> (a uniform draw within a bin).</summary>
    public double Value(int index, int action, DeterministicRandom random) =>
        PolicyActions.Value(Space.Decisions[index], action, FloatBins, random);

    /// <summary>A uniform value of an unlearned decision.</summary>
    public double UniformValue(int index, DeterministicRandom random) => PolicyActions.Uniform(Space.Decisions[index], 0, 1, random);

    /// <summary>The learned action of decision <paramref name="index"/> in an architecture, or null when inactive or not learned.</summary>
    public int? ActionOf(int index, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var value = architecture[index];
        return double.IsNaN(value) || _sizes[index] == 0 ? null : PolicyActions.Action(Space.Decisions[index], value, FloatBins);
    }

    /// <summary>Labels of decision <paramref name="index"/>'s actions: its values as the space formats them, or <c>bin k/n</c>.</summary>
    public IReadOnlyList<string> Labels(int index)
    {
        var d = Space.Decisions[index];
        var size = _sizes[index];
        return PolicyActions.IsPerValue(d)
            ? [.. Enumerable.Range(0, size).Select(k => d.Format(d.Kind == DecisionKind.Categorical ? k : d.Min + ((long)k * d.Step)))]
            : [.. Enumerable.Range(0, size).Select(k => string.Create(CultureInfo.InvariantCulture, $"bin {k + 1}/{size}"))];
    }

    /// <summary>Draws an action from <paramref name="probabilities"/> with one uniform number.</summary>
    public static int Draw(IReadOnlyList<double> probabilities, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(random);
        var u = random.NextDouble();
        for (var k = 0; k < probabilities.Count; k++)
        {
            u -= probabilities[k];
            if (u < 0)
            {
                return k;
            }
        }

        return probabilities.Count - 1;
    }
}
