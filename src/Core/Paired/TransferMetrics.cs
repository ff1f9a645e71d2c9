namespace NasOrleans.Core.Paired;

/// <summary>How a round names the protagonist's held-out solved rates among its metrics (<c>solved_&lt;Level&gt;</c>), written and read back in one place.</summary>
public static class TransferMetrics
{
    private const string Prefix = "solved_";

    // Curriculum metrics that share the prefix but are not a held-out level.
    private static readonly string[] NotLevels = ["solved_rate", "solved_path_length"];

    /// <summary>The metric name of held-out level <paramref name="level"/>'s solved rate.</summary>
    public static string Name(string level) => Prefix + level;

    /// <summary>The held-out levels' solved rates among <paramref name="metrics"/>, by level name, in the metrics' order.</summary>
    public static IReadOnlyList<(string Level, double Rate)> Read(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return [.. metrics.Where(m => m.Key.StartsWith(Prefix, StringComparison.Ordinal) && !NotLevels.Contains(m.Key, StringComparer.Ordinal))
            .Select(m => (m.Key[Prefix.Length..], m.Value))];
    }
}
