namespace NasOrleans.Core.Specs;

/// <summary>Finds the known name a misspelt one most likely meant ("did you mean …").</summary>
public static class SpecSuggestions
{
    /// <summary>The closest of <paramref name="known"/> to <paramref name="given"/>, or null when none is close.</summary>
    public static string? Closest(string given, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (string.IsNullOrEmpty(given))
        {
            return null;
        }

        var candidates = known.ToList();
        if (candidates.FirstOrDefault(c => IsAbbreviation(given, c)) is { } abbreviated)
        {
            return abbreviated;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            var limit = Math.Max(1, Math.Min(given.Length, candidate.Length) / 4);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" Did you mean 'x'?" when a known name is close, else empty.</summary>
    public static string DidYouMean(string given, IEnumerable<string> known) =>
        Closest(given, known) is { } match ? $"did you mean '{match}'? " : string.Empty;

    /// <summary>The names as a readable list.</summary>
    public static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count == 0 ? "(none)" : string.Join(", ", all);
    }

    // "val_acc" abbreviates "validation_accuracy": as many words, each a prefix of the other's.
    private static bool IsAbbreviation(string given, string candidate)
    {
        char[] separators = ['_', '-', '.'];
        var a = given.ToLowerInvariant().Split(separators);
        var b = candidate.ToLowerInvariant().Split(separators);
        return given.Length < candidate.Length && a.Length == b.Length && a.Length > 1 &&
            a.Zip(b).All(p => p.First.Length > 0 && p.Second.StartsWith(p.First, StringComparison.Ordinal));
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
