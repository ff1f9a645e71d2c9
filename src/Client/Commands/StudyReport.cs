using System.Globalization;
using NasOrleans.Client.Plots;
using NasOrleans.Core.Reports;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Training;

namespace NasOrleans.Client.Commands;

/// <summary>
/// The plots of <c>nas report</c> for one study's completed trials: the objective's best so far by trial, and the
/// objective against each cost metric with the Pareto front of the feasible trials.
/// </summary>
internal sealed class StudyReport
{
    /// <summary>The cost metrics plotted by default when the trials report them (besides the spec's constraint metrics).</summary>
    public static readonly IReadOnlyList<string> DefaultCosts = ["params", "flops", "latency_ms"];

    private readonly StudySummary _summary;
    private readonly IReadOnlyList<TrialRecord> _trials;
    private readonly string _metric;
    private readonly bool _maximize;
    private readonly IReadOnlyList<ConstraintSpec> _constraints;

    public StudyReport(StudySummary summary, IReadOnlyList<TrialRecord> trials)
    {
        _summary = summary;
        _trials = trials;
        StudySpec? spec = null;
        try
        {
            spec = StudySpecJson.Deserialize(summary.SpecJson, TorchTrainers.Catalog);
        }
        catch (Exception ex) when (ex is SpecValidationException or ArgumentException or FormatException)
        {
            spec = null;
        }

        var objective = summary.Objective.Split(' ', 2);
        _metric = spec?.Objective.Metric ?? (objective.Length == 2 ? objective[1] : "objective");
        _maximize = spec is null ? !summary.Objective.StartsWith("minimize", StringComparison.Ordinal) : spec.Objective.Goal == ObjectiveGoal.Maximize;
        _constraints = spec?.Constraints ?? [];
    }

    /// <summary>The cost metrics to plot when none are asked for: the constraints' metrics, then params, FLOPs, latency and lat_* when reported.</summary>
    public IReadOnlyList<string> Costs()
    {
        var reported = _trials.SelectMany(t => t.Metrics.Keys).ToHashSet(StringComparer.Ordinal);
        return _constraints.Select(c => c.Metric)
            .Concat(DefaultCosts)
            .Concat(reported.Where(m => m.StartsWith("lat_", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            .Where(m => reported.Contains(m) && m != _metric)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Writes best-so-far.png and one &lt;objective&gt;-vs-&lt;cost&gt;.png per cost into <paramref name="directory"/>; returns the paths.</summary>
    public IReadOnlyList<string> Write(string directory, IReadOnlyList<string> costs)
    {
        var files = new List<string> { WriteBestSoFar(Path.Combine(directory, "best-so-far.png")) };
        files.AddRange(costs.Select(cost => WriteCost(Path.Combine(directory, PlotFile.FileName($"{_metric}-vs-{cost}.png")), cost)));
        return files;
    }

    private double Value(TrialRecord t) =>
        t.Metrics.TryGetValue(_metric, out var v) ? v : _maximize ? t.Score!.Value : -t.Score!.Value;

    private string WriteBestSoFar(string path)
    {
        var chart = new BestSoFarChart($"Study {_summary.StudyId}: {_summary.Objective}, best so far ({_summary.Algorithm})", "trial", _metric);
        var points = _trials.Select(t => new ChartPoint(t.TrialId, Value(t))).ToList();
        var best = BestSoFar.Compute(_trials.Select(t => t.Feasible ? Value(t) : double.NaN), _maximize);
        chart.AddTrace(_summary.Algorithm, points, [.. _trials.Select(t => !t.Feasible)], [.. points.Select((p, i) => p with { Y = best[i] })]);
        return chart.Save(path);
    }

    private string WriteCost(string path, string cost)
    {
        var f = CultureInfo.InvariantCulture;
        var measured = _trials.Where(t => t.Metrics.ContainsKey(cost)).ToList();
        var byId = measured.ToDictionary(t => t.TrialId);
        var front = ParetoFront.Compute(measured.Where(t => t.Feasible).Select(t => new ParetoPoint(t.TrialId, t.Score!.Value, t.Metrics[cost])));
        var chart = new ParetoChart($"Study {_summary.StudyId}: {_metric} against {cost} ({front.Count} on the Pareto front of {measured.Count})", cost, _metric);
        chart.AddPoints("trials", [.. measured.Where(t => t.Feasible).Select(t => new ChartPoint(t.Metrics[cost], Value(t)))]);
        chart.AddPoints("infeasible trials", [.. measured.Where(t => !t.Feasible).Select(t => new ChartPoint(t.Metrics[cost], Value(t)))], muted: true);
        chart.AddFront("Pareto front", [.. front.Select(p => new ChartPoint(p.Cost, Value(byId[p.Id])))]);
        foreach (var c in _constraints.Where(c => c.Metric == cost))
        {
            if (c.Max is { } max)
            {
                chart.AddLimit(string.Create(f, $"constraint {cost} <= {max:G6}"), max);
            }

            if (c.Min is { } min)
            {
                chart.AddLimit(string.Create(f, $"constraint {cost} >= {min:G6}"), min);
            }
        }

        return chart.Save(path, _maximize ? ScottPlot.Alignment.LowerRight : ScottPlot.Alignment.UpperRight);
    }
}
