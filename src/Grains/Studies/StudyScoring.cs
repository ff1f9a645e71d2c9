using NasOrleans.Core.Specs;

namespace NasOrleans.Grains.Studies;

/// <summary>Turns a trial's metrics into its search score (higher is better) and its feasibility under the spec's constraints.</summary>
internal sealed class StudyScoring(StudySpec spec)
{
    /// <summary>The objective turned higher-is-better, or null when the metric is missing or not finite.</summary>
    public double? Score(IReadOnlyDictionary<string, double> metrics)
    {
        if (!metrics.TryGetValue(spec.Objective.Metric, out var value) || !double.IsFinite(value))
        {
            return null;
        }

        return spec.Objective.Goal == ObjectiveGoal.Maximize ? value : -value;
    }

    /// <summary>The objective value as reported, from a score.</summary>
    public double Objective(double score) => spec.Objective.Goal == ObjectiveGoal.Maximize ? score : -score;

    /// <summary>Whether every constraint holds (a constraint on a metric the trial did not report fails).</summary>
    public bool Feasible(IReadOnlyDictionary<string, double> metrics) =>
        spec.Constraints.All(c =>
            metrics.TryGetValue(c.Metric, out var v) && (c.Min is not { } min || v >= min) && (c.Max is not { } max || v <= max));
}
