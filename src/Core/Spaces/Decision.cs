using System.Globalization;
using System.Runtime.CompilerServices;

namespace NasOrleans.Core.Spaces;

/// <summary>One decision of a search space. Use the factory methods; a space validates them.</summary>
public sealed record Decision
{
    /// <summary>The index of each choice of long categorical lists, so that parsing a value is not a scan (kept outside the record's equality).</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, Dictionary<string, int>> ChoiceIndexes = new();

    private Decision(string name, DecisionKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The decision's name, unique in its space.</summary>
    public string Name { get; }

    /// <summary>What kind of value it takes.</summary>
    public DecisionKind Kind { get; }

    /// <summary>The choices of a categorical decision (empty otherwise).</summary>
    public IReadOnlyList<string> Choices { get; private init; } = [];

    /// <summary>Lower bound of an integer or float decision.</summary>
    public double Min { get; private init; }

    /// <summary>Upper bound (inclusive) of an integer or float decision.</summary>
    public double Max { get; private init; }

    /// <summary>Step of an integer decision (1 by default).</summary>
    public long Step { get; private init; } = 1;

    /// <summary>Whether a float decision is sampled uniformly on a log scale.</summary>
    public bool Log { get; private init; }

    /// <summary>When set, the decision is active only if the condition holds.</summary>
    public DecisionCondition? Condition { get; private init; }

    /// <summary>How many values the decision takes; null for floats (infinitely many).</summary>
    public long? Cardinality => Kind switch
    {
        DecisionKind.Categorical => Choices.Count,
        DecisionKind.Integer => ((long)Max - (long)Min) / Step + 1,
        _ => null,
    };

    /// <summary>A categorical decision.</summary>
    public static Decision Categorical(string name, IReadOnlyList<string> choices, DecisionCondition? condition = null) =>
        new(name, DecisionKind.Categorical) { Choices = choices, Condition = condition };

    /// <summary>An integer decision in [min, max] on <paramref name="step"/>.</summary>
    public static Decision Integer(string name, long min, long max, long step = 1, DecisionCondition? condition = null) =>
        new(name, DecisionKind.Integer) { Min = min, Max = max, Step = step, Condition = condition };

    /// <summary>A float decision in [min, max], on a log scale when <paramref name="log"/>.</summary>
    public static Decision Float(string name, double min, double max, bool log = false, DecisionCondition? condition = null) =>
        new(name, DecisionKind.Float) { Min = min, Max = max, Log = log, Condition = condition };

    /// <summary>The value as a user reads it: the choice's name, or the number.</summary>
    public string Format(double value) => Kind switch
    {
        DecisionKind.Categorical => Choices[(int)value],
        DecisionKind.Integer => ((long)value).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Parses a value as <see cref="Format"/> writes it; null when it is not a valid value.</summary>
    public double? Parse(string text)
    {
        switch (Kind)
        {
            case DecisionKind.Categorical:
                var index = IndexOfChoice(text);
                return index < 0 ? null : index;
            case DecisionKind.Integer:
                if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ||
                    l < Min || l > Max || (l - (long)Min) % Step != 0)
                {
                    return null;
                }

                return l;
            default:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d < Min || d > Max)
                {
                    return null;
                }

                return d;
        }
    }

    private int IndexOfChoice(string text)
    {
        if (Choices.Count <= 16)
        {
            for (var i = 0; i < Choices.Count; i++)
            {
                if (string.Equals(Choices[i], text, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        var index = ChoiceIndexes.GetValue(Choices, static choices =>
        {
            var map = new Dictionary<string, int>(choices.Count, StringComparer.Ordinal);
            for (var i = 0; i < choices.Count; i++)
            {
                map.TryAdd(choices[i], i);
            }

            return map;
        });
        return index.TryGetValue(text, out var found) ? found : -1;
    }
}
