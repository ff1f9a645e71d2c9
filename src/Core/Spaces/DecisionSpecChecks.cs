using NasOrleans.Core.Specs;

namespace NasOrleans.Core.Spaces;

/// <summary>Checks the decisions of a custom space, naming each problem's field (<c>space.decisions[2].min</c>).</summary>
internal static class DecisionSpecChecks
{
    public const string Categorical = "categorical";
    public const string Integer = "integer";
    public const string Float = "float";

    public static readonly IReadOnlyList<string> Types = [Categorical, Integer, Float];

    /// <summary>Adds the problems of <paramref name="decisions"/> (listed under <paramref name="path"/>) to <paramref name="errors"/>.</summary>
    public static void Check(IReadOnlyList<DecisionSpec?> decisions, string path, BrokenFields broken, List<SpecError> errors)
    {
        if (decisions.Count > SpecLimits.MaxDecisions)
        {
            errors.Add(new SpecError(path, $"{decisions.Count} decisions; the limit is {SpecLimits.MaxDecisions} decisions in one space (limit max_decisions); combine related ones, or search a built-in space kind"));
            return;
        }

        var found = new List<SpecError>();
        var valid = new Dictionary<string, Decision>(StringComparer.Ordinal);
        var indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < decisions.Count; i++)
        {
            var p = $"{path}[{i}]";
            var before = found.Count;
            if (decisions[i] is not { } d)
            {
                found.Add(new SpecError(p, "no decision here; give name and type"));
                continue;
            }

            CheckName(d, p, indexByName, path, found);
            CheckShape(d, p, found);
            DecisionConditionChecks.Check(d, p, i, decisions, valid, indexByName, broken, path, found);
            if (found.Count == before && !broken.AnyUnder(p))
            {
                valid[d.Name] = CustomSpaceKind.ToDecision(d);
            }

            if (!string.IsNullOrWhiteSpace(d.Name))
            {
                indexByName.TryAdd(d.Name, i);
            }
        }

        errors.AddRange(found.Where(e => !broken.Covers(e.Field)));
        if (found.Count == 0 && broken.IsEmpty)
        {
            // A safety net: the space's own checks, for anything the checks above do not cover.
            errors.AddRange(SearchSpace.Validate([.. decisions.Select(d => CustomSpaceKind.ToDecision(d!))]).Select(problem => new SpecError(path, problem)));
        }
    }

    private static void CheckName(DecisionSpec d, string p, Dictionary<string, int> indexByName, string path, List<SpecError> found)
    {
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            found.Add(new SpecError($"{p}.name", "missing; give the decision a name, unique in the space"));
        }
        else if (indexByName.TryGetValue(d.Name, out var first))
        {
            found.Add(new SpecError($"{p}.name", $"'{d.Name}' is already the name of {path}[{first}]; names must be unique"));
        }
    }

    private static void CheckShape(DecisionSpec d, string p, List<SpecError> found)
    {
        switch (d.Type)
        {
            case Categorical:
                CheckValues(d, p, found);
                NotUsed(d.Min is not null, "min", d, p, found);
                NotUsed(d.Max is not null, "max", d, p, found);
                NotUsed(d.Step is not null, "step", d, p, found);
                NotUsed(d.Log, "log", d, p, found);
                break;
            case Integer:
                CheckBounds(d, p, wholeNumbers: true, found);
                if (d.Step is < 1)
                {
                    found.Add(new SpecError($"{p}.step", $"{d.Step.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not allowed; use a whole number of at least 1"));
                }

                NotUsed(d.Values is not null, "values", d, p, found);
                NotUsed(d.Log, "log", d, p, found);
                break;
            case Float:
                CheckBounds(d, p, wholeNumbers: false, found);
                if (d.Log && d.Min is <= 0)
                {
                    found.Add(new SpecError($"{p}.min", $"{Format(d.Min.Value)} is not allowed on a log scale; use a min above 0, or log: false"));
                }

                NotUsed(d.Values is not null, "values", d, p, found);
                NotUsed(d.Step is not null, "step", d, p, found);
                break;
            case null or "":
                found.Add(new SpecError($"{p}.type", $"missing; use {string.Join(", ", Types)}"));
                break;
            default:
                found.Add(new SpecError($"{p}.type", $"'{d.Type}' is not a decision type; {SpecSuggestions.DidYouMean(d.Type, Types)}use {string.Join(", ", Types)}"));
                break;
        }
    }

    private static void CheckValues(DecisionSpec d, string p, List<SpecError> found)
    {
        if (d.Values is null || d.Values.Count == 0)
        {
            found.Add(new SpecError($"{p}.values", "no values; a categorical decision needs a list of at least one value"));
            return;
        }

        if (d.Values.Count > SpecLimits.MaxCategoricalValues)
        {
            found.Add(new SpecError($"{p}.values", $"{d.Values.Count} values; the limit is {SpecLimits.MaxCategoricalValues} values in one categorical decision (limit max_categorical_values); for more, use an integer decision (type: integer, min, max) and map its number to your value"));
            return;
        }

        var seen = new HashSet<string>(d.Values.Count, StringComparer.Ordinal);
        for (var k = 0; k < d.Values.Count; k++)
        {
            if (string.IsNullOrEmpty(d.Values[k]))
            {
                found.Add(new SpecError($"{p}.values[{k}]", "empty value; give every value a name"));
            }
            else if (!seen.Add(d.Values[k]))
            {
                found.Add(new SpecError($"{p}.values[{k}]", $"'{d.Values[k]}' is listed twice; list each value once"));
            }
        }
    }

    private static void CheckBounds(DecisionSpec d, string p, bool wholeNumbers, List<SpecError> found)
    {
        var ok = true;
        foreach (var (name, value) in new[] { ("min", d.Min), ("max", d.Max) })
        {
            if (value is not { } v)
            {
                found.Add(new SpecError($"{p}.{name}", $"missing; an {d.Type} decision needs min and max"));
                ok = false;
            }
            else if (!double.IsFinite(v) || (wholeNumbers && (Math.Floor(v) != v || Math.Abs(v) > 1e15)))
            {
                found.Add(new SpecError($"{p}.{name}", $"{Format(v)} is not allowed; use a {(wholeNumbers ? "whole number" : "finite number")}"));
                ok = false;
            }
        }

        if (ok && d.Min > d.Max)
        {
            found.Add(new SpecError($"{p}.min", $"{Format(d.Min!.Value)} is above max {Format(d.Max!.Value)}; use min <= max"));
        }
    }

    private static void NotUsed(bool given, string field, DecisionSpec d, string p, List<SpecError> found)
    {
        if (given)
        {
            found.Add(new SpecError($"{p}.{field}", $"not used by a {d.Type} decision; remove it"));
        }
    }

    private static string Format(double v) => SpecParameterChecks.Format(v);
}
