using System.Globalization;
using NasOrleans.Core.Randomness;

namespace NasOrleans.Core.Spaces;

/// <summary>
/// A set of decisions; an architecture is an assignment of them. Built-in kinds derive from it
/// to add a display form and an equivalence (<see cref="CanonicalKey"/>) proved from the architecture itself.
/// </summary>
public class SearchSpace
{
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a space; throws <see cref="ArgumentException"/> listing every problem of the decisions.</summary>
    public SearchSpace(string kind, IReadOnlyList<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var problems = Validate(decisions);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(decisions));
        }

        Kind = kind;
        Decisions = decisions;
        _indexByName = decisions.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        Cardinality = CountArchitectures();
    }

    /// <summary>The space's kind (<c>nb201</c>, <c>mlp</c>, …, or <c>custom</c>).</summary>
    public string Kind { get; }

    /// <summary>The decisions, in order; a condition refers only to an earlier decision.</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>How many distinct architectures the space holds; null when infinite (float decisions) or too many to count.</summary>
    public double? Cardinality { get; }

    /// <summary>The index of a decision by name, or -1.</summary>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Lists the problems of a list of decisions (empty when valid), each naming the decision.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var problems = new List<string>();
        var seen = new Dictionary<string, Decision>(StringComparer.Ordinal);
        if (decisions.Count == 0)
        {
            problems.Add("a space needs at least one decision");
        }

        foreach (var d in decisions)
        {
            var where = $"decision '{d.Name}'";
            if (string.IsNullOrWhiteSpace(d.Name))
            {
                problems.Add("a decision has no name");
            }
            else if (seen.ContainsKey(d.Name))
            {
                problems.Add($"{where} is defined twice; names must be unique");
            }

            switch (d.Kind)
            {
                case DecisionKind.Categorical when d.Choices.Count == 0:
                    problems.Add($"{where} has no values; list at least one");
                    break;
                case DecisionKind.Categorical when d.Choices.Distinct(StringComparer.Ordinal).Count() != d.Choices.Count:
                    problems.Add($"{where} lists a value twice");
                    break;
                case DecisionKind.Integer when d.Min > d.Max:
                case DecisionKind.Float when d.Min > d.Max:
                    problems.Add($"{where} has min {d.Min.ToString(CultureInfo.InvariantCulture)} above max {d.Max.ToString(CultureInfo.InvariantCulture)}");
                    break;
                case DecisionKind.Integer when d.Step <= 0:
                    problems.Add($"{where} has step {d.Step}; it must be at least 1");
                    break;
                case DecisionKind.Float when d.Log && d.Min <= 0:
                    problems.Add($"{where} is on a log scale, so min must be above 0");
                    break;
                case DecisionKind.Float when !double.IsFinite(d.Min) || !double.IsFinite(d.Max):
                    problems.Add($"{where} needs finite min and max");
                    break;
            }

            if (d.Condition is { } c)
            {
                if (!seen.TryGetValue(c.Parent, out var parent))
                {
                    problems.Add($"{where} depends on '{c.Parent}', which is not an earlier decision of the space");
                }
                else
                {
                    foreach (var v in c.Values.Where(v => parent.Parse(v) is null))
                    {
                        problems.Add($"{where} depends on '{c.Parent}' = '{v}', which is not a value of '{c.Parent}'");
                    }
                }
            }

            if (!string.IsNullOrWhiteSpace(d.Name))
            {
                seen.TryAdd(d.Name, d);
            }
        }

        return problems;
    }

    /// <summary>Whether decision <paramref name="index"/> is active given the values of the earlier decisions.</summary>
    public bool IsActive(int index, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var condition = Decisions[index].Condition;
        if (condition is null)
        {
            return true;
        }

        var parentIndex = IndexOf(condition.Parent);
        var parentValue = values[parentIndex];
        if (double.IsNaN(parentValue))
        {
            return false;
        }

        var parent = Decisions[parentIndex];
        return condition.Values.Any(v => parent.Parse(v) is { } p && p.Equals(parentValue));
    }

    /// <summary>A uniformly random architecture (each active decision uniform over its values).</summary>
    public Architecture Sample(DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new double[Decisions.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = IsActive(i, values) ? SampleValue(Decisions[i], random) : double.NaN;
        }

        return new Architecture(values);
    }

    /// <summary>
    /// Changes one active decision (chosen uniformly among those with more than one value) to a different
    /// value, as in regularized evolution; decisions that become active are sampled, inactive ones cleared.
    /// </summary>
    public Architecture Mutate(Architecture parent, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(random);
        var candidates = Enumerable.Range(0, Decisions.Count)
            .Where(i => !double.IsNaN(parent[i]) && Decisions[i].Cardinality is null or > 1)
            .ToList();
        if (candidates.Count == 0)
        {
            return parent;
        }

        var index = candidates[random.NextInt(candidates.Count)];
        var values = parent.Values.ToArray();
        var decision = Decisions[index];
        double next;
        do
        {
            next = SampleValue(decision, random);
        }
        while (next.Equals(values[index]));
        values[index] = next;
        return Repair(values, random);
    }

    /// <summary>Every architecture that differs from <paramref name="center"/> in one categorical or integer decision.</summary>
    public IEnumerable<Architecture> Neighbours(Architecture center, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(center);
        for (var i = 0; i < Decisions.Count; i++)
        {
            var d = Decisions[i];
            if (double.IsNaN(center[i]) || d.Kind == DecisionKind.Float)
            {
                continue;
            }

            for (var k = 0L; k < d.Cardinality; k++)
            {
                var v = d.Kind == DecisionKind.Categorical ? k : d.Min + (k * d.Step);
                if (!v.Equals(center[i]))
                {
                    var values = center.Values.ToArray();
                    values[i] = v;
                    yield return Repair(values, random);
                }
            }
        }
    }

    /// <summary>
    /// A key that is equal for architectures the space proves equivalent (they compute the same function);
    /// by default the architecture's own key. A study answers a proposal whose key it has evaluated from its ledger.
    /// </summary>
    public virtual string CanonicalKey(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return architecture.Key;
    }

    /// <summary>The active decisions by name, with their values as a user reads them.</summary>
    public IReadOnlyDictionary<string, string> Describe(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Decisions.Count; i++)
        {
            if (!double.IsNaN(architecture[i]))
            {
                result[Decisions[i].Name] = Decisions[i].Format(architecture[i]);
            }
        }

        return result;
    }

    /// <summary>A one-line text form of an architecture.</summary>
    public virtual string Display(Architecture architecture) =>
        string.Join(' ', Describe(architecture).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Builds an architecture from decision names and values as <see cref="Describe"/> writes them.</summary>
    public Architecture FromDescription(IReadOnlyDictionary<string, string> description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var values = new double[Decisions.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!IsActive(i, values))
            {
                values[i] = double.NaN;
                continue;
            }

            var d = Decisions[i];
            if (!description.TryGetValue(d.Name, out var text))
            {
                throw new ArgumentException($"The architecture gives no value for decision '{d.Name}'.", nameof(description));
            }

            values[i] = d.Parse(text) ?? throw new ArgumentException($"'{text}' is not a value of decision '{d.Name}'.", nameof(description));
        }

        return new Architecture(values);
    }

    private Architecture Repair(double[] values, DeterministicRandom random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var active = IsActive(i, values);
            if (!active)
            {
                values[i] = double.NaN;
            }
            else if (double.IsNaN(values[i]))
            {
                values[i] = SampleValue(Decisions[i], random);
            }
        }

        return new Architecture(values);
    }

    private static double SampleValue(Decision d, DeterministicRandom random) => d.Kind switch
    {
        DecisionKind.Categorical => random.NextInt(d.Choices.Count),
        DecisionKind.Integer => d.Min + (random.NextLong(0, (long)d.Cardinality!.Value - 1) * d.Step),
        _ when d.Log => Math.Exp(Math.Log(d.Min) + (random.NextDouble() * (Math.Log(d.Max) - Math.Log(d.Min)))),
        _ => d.Min + (random.NextDouble() * (d.Max - d.Min)),
    };

    private double? CountArchitectures()
    {
        if (Decisions.Any(d => d.Kind == DecisionKind.Float))
        {
            return null;
        }

        if (Decisions.All(d => d.Condition is null))
        {
            return Decisions.Aggregate(1.0, (acc, d) => acc * d.Cardinality!.Value);
        }

        // With conditions, count by walking the assignments; give up past a million.
        var bound = Decisions.Aggregate(1.0, (acc, d) => acc * (d.Cardinality!.Value + 1));
        return bound > 1e6 ? null : Count(0, new double[Decisions.Count]);
    }

    private double Count(int index, double[] values)
    {
        if (index == values.Length)
        {
            return 1;
        }

        if (!IsActive(index, values))
        {
            values[index] = double.NaN;
            return Count(index + 1, values);
        }

        var d = Decisions[index];
        var total = 0.0;
        for (var k = 0L; k < d.Cardinality; k++)
        {
            values[index] = d.Kind == DecisionKind.Categorical ? k : d.Min + (k * d.Step);
            total += Count(index + 1, values);
        }

        return total;
    }
}
