using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>A study's objective as its summary states it ("maximize validation_accuracy"): the metric and its direction.</summary>
/// <param name="Metric">The objective metric's name (empty when the summary does not say).</param>
/// <param name="Minimize">Whether lower is better (a trial's score is then the metric negated).</param>
internal sealed record StudyObjective(string Metric, bool Minimize)
{
    /// <summary>The objective of <paramref name="summary"/>.</summary>
    public static StudyObjective Of(StudySummary summary)
    {
        var parts = summary.Objective.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2
            ? new StudyObjective(parts[1], string.Equals(parts[0], "minimize", StringComparison.OrdinalIgnoreCase))
            : new StudyObjective(summary.Objective.Trim(), false);
    }

    /// <summary>The objective value a score stands for (the score is higher-is-better).</summary>
    public double? Value(double? score) => score is { } s ? (Minimize ? -s : s) : null;

    /// <summary>"higher is better" or "lower is better".</summary>
    public string Direction => Minimize ? "lower is better" : "higher is better";
}
