using NasOrleans.Core.Specs;

namespace NasOrleans.Core.Spaces;

/// <summary>Checks the <c>when</c> of a custom decision: one earlier parent, and values the parent takes.</summary>
internal static class DecisionConditionChecks
{
    /// <summary>Adds the problems of the condition of <paramref name="d"/> (at <paramref name="p"/>) to <paramref name="found"/>.</summary>
    public static void Check(
        DecisionSpec d,
        string p,
        int index,
        IReadOnlyList<DecisionSpec?> decisions,
        IReadOnlyDictionary<string, Decision> valid,
        IReadOnlyDictionary<string, int> earlier,
        BrokenFields broken,
        string path,
        List<SpecError> found)
    {
        if (d.When is not { Count: > 0 } when)
        {
            return;
        }

        if (when.Count > 1)
        {
            found.Add(new SpecError($"{p}.when", $"depends on {string.Join(", ", when.Keys.Select(k => $"'{k}'"))}; a decision may depend on only one earlier decision, so keep one of them"));
            return;
        }

        var (parent, values) = when.Single();
        var field = $"{p}.when.{parent}";
        if (parent == d.Name)
        {
            found.Add(new SpecError(field, "a decision cannot depend on itself; name an earlier decision"));
        }
        else if (!earlier.ContainsKey(parent))
        {
            if (decisions.Skip(index + 1).Any(x => x?.Name == parent))
            {
                found.Add(new SpecError(field, $"'{parent}' comes after this decision; a condition may refer only to an earlier decision, so move this decision below '{parent}'"));
            }
            else if (!Enumerable.Range(0, decisions.Count).Any(k => broken.Contains($"{path}[{k}].name")))
            {
                found.Add(new SpecError(field, $"'{parent}' is not a decision of the space; {SpecSuggestions.DidYouMean(parent, earlier.Keys)}earlier decisions: {SpecSuggestions.List(earlier.Keys)}"));
            }
        }
        else if (values is not { Count: > 0 })
        {
            found.Add(new SpecError(field, $"no values; list the values of '{parent}' for which this decision is active"));
        }
        else if (valid.TryGetValue(parent, out var parentDecision))
        {
            foreach (var v in values.Where(v => v is null || parentDecision.Parse(v) is null).Distinct())
            {
                found.Add(new SpecError(field, $"'{v}' is not a value of '{parent}'; its values are {Describe(parentDecision)}"));
            }
        }
    }

    private static string Describe(Decision d) => d.Kind switch
    {
        DecisionKind.Categorical => string.Join(", ", d.Choices),
        DecisionKind.Integer when d.Step > 1 => $"whole numbers from {d.Format(d.Min)} to {d.Format(d.Max)} in steps of {d.Step}",
        DecisionKind.Integer => $"whole numbers from {d.Format(d.Min)} to {d.Format(d.Max)}",
        _ => $"numbers from {d.Format(d.Min)} to {d.Format(d.Max)}",
    };
}
