using System.Globalization;

namespace NasOrleans.Core.Spaces;

/// <summary>
/// Finds the largest architecture of a space by a size (parameters, FLOPs): every decision at its largest number, then
/// one pass over the categorical decisions with names for values (block types), keeping any value that makes it larger.
/// Exact for spaces whose size grows with each number (mlp, mobile-cnn); a good estimate otherwise.
/// </summary>
public static class LargestArchitecture
{
    private const int MaxChoicesTried = 64;

    /// <summary>The largest architecture of <paramref name="space"/> by <paramref name="size"/>.</summary>
    public static Architecture Find(SearchSpace space, Func<Architecture, double> size)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(size);
        var description = space.Decisions.ToDictionary(d => d.Name, Largest, StringComparer.Ordinal);
        var best = space.FromDescription(description);
        var bestSize = size(best);
        foreach (var d in space.Decisions.Where(d => d.Kind == DecisionKind.Categorical && d.Choices.Count <= MaxChoicesTried && !d.Choices.All(IsNumber)))
        {
            var kept = description[d.Name];
            foreach (var choice in d.Choices)
            {
                description[d.Name] = choice;
                var candidate = space.FromDescription(description);
                var candidateSize = size(candidate);
                if (candidateSize > bestSize)
                {
                    (best, bestSize, kept) = (candidate, candidateSize, choice);
                }
            }

            description[d.Name] = kept;
        }

        return best;
    }

    private static string Largest(Decision d) => d.Kind switch
    {
        DecisionKind.Categorical when d.Choices.All(IsNumber) => d.Choices.MaxBy(c => double.Parse(c, CultureInfo.InvariantCulture))!,
        DecisionKind.Categorical => d.Choices[0],
        DecisionKind.Integer => d.Format(d.Min + ((d.Cardinality!.Value - 1) * d.Step)),
        _ => d.Format(d.Max),
    };

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v);
}
