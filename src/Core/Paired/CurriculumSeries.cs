namespace NasOrleans.Core.Paired;

/// <summary>
/// The emergent-curriculum curves of an environment-design study from its rounds' metrics: a metric against the
/// students' steps so far, smoothed by a running mean over a window of rounds (rounds that did not report it skipped).
/// </summary>
public static class CurriculumSeries
{
    /// <summary>The metrics the curriculum plots show, in order.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["solvable_share", "walls", "shortest_path", "solved_path_length", "protagonist_return", "antagonist_return", "regret", "heldout_solved_rate"];

    /// <summary>
    /// The points (student steps, running mean of <paramref name="metric"/> over the last <paramref name="window"/>
    /// reporting rounds) of <paramref name="rounds"/>, ordered by steps.
    /// </summary>
    public static IReadOnlyList<(double Steps, double Value)> Of(IEnumerable<IReadOnlyDictionary<string, double>> rounds, string metric, int window)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var points = rounds
            .Where(r => r.TryGetValue("student_steps", out var s) && double.IsFinite(s) && r.TryGetValue(metric, out var v) && double.IsFinite(v))
            .Select(r => (Steps: r["student_steps"], Value: r[metric]))
            .OrderBy(p => p.Steps)
            .ToList();
        var result = new List<(double, double)>(points.Count);
        var sum = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            sum += points[i].Value;
            if (i >= window)
            {
                sum -= points[i - window].Value;
            }

            result.Add((points[i].Steps, sum / Math.Min(i + 1, window)));
        }

        return result;
    }

    /// <summary>The mean of <paramref name="metric"/> over the first and the last <paramref name="share"/> of the rounds that report it (NaN when none).</summary>
    public static (double First, double Last) Ends(IReadOnlyList<IReadOnlyDictionary<string, double>> rounds, string metric, double share = 0.2)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var values = rounds.Where(r => r.TryGetValue(metric, out var v) && double.IsFinite(v)).Select(r => r[metric]).ToList();
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var n = Math.Max(1, (int)Math.Round(values.Count * share));
        return (values.Take(n).Average(), values.TakeLast(n).Average());
    }
}
