using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Dashboard;

/// <summary>
/// The metrics a study page plots its objective against: costs, not other accuracies. They are the trainer's cost
/// metrics (computed from the architecture before training: params, flops, latency), the metrics the spec constrains,
/// and the measured costs every trainer may report (train time, latency); a held-out accuracy is no cost.
/// </summary>
internal static class CostMetrics
{
    private static readonly string[] Measured = ["params", "flops", "latency_ms", "train_seconds", "round_seconds", "model_size", "memory_mb"];

    /// <summary>The cost metrics of <paramref name="specJson"/>'s study (none known: the measured ones).</summary>
    public static HashSet<string> Of(string specJson, TrainerCatalog catalog)
    {
        var names = new HashSet<string>(Measured, StringComparer.Ordinal);
        try
        {
            var spec = StudySpecParser.ParseJson(specJson, catalog);
            names.UnionWith(catalog.Find(spec.Trainer.Kind)?.CostMetrics ?? []);
            names.UnionWith(spec.Constraints.Select(c => c.Metric));
            names.Remove(spec.Objective.Metric);
        }
        catch (SpecValidationException)
        {
            // A spec this build cannot read (written by another version): the measured costs still plot.
        }

        return names;
    }

    /// <summary>Whether <paramref name="metric"/> is one of <paramref name="costs"/> or a device latency (latency_&lt;device&gt;_ms).</summary>
    public static bool IsCost(string metric, IReadOnlySet<string> costs) =>
        costs.Contains(metric) || (metric.StartsWith("latency_", StringComparison.Ordinal) && metric.EndsWith("_ms", StringComparison.Ordinal));
}
