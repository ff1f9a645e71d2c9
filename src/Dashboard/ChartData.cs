using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>
/// The data of a study page's plots (<c>PREFIX/api/studies/ID/charts</c>): best so far, the objective against each
/// other numeric metric with the Pareto front, and the learning curves of the best trials. It reads at most the first
/// <see cref="Sample"/> completed trials and the best <see cref="Sample"/>, never a whole 100k-trial study.
/// </summary>
internal static class ChartData
{
    /// <summary>Completed trials read from the start of the study, and the best trials read, each at most.</summary>
    public const int Sample = 2000;

    /// <summary>The most cost metrics plotted against the objective.</summary>
    private const int CostMetrics = 6;

    /// <summary>The trials whose learning curves are drawn.</summary>
    private const int CurveTrials = 4;

    /// <summary>The charts' JSON object.</summary>
    public static async Task<object> BuildAsync(IStudyGrain study, StudySummary summary, CancellationToken cancellationToken)
    {
        var objective = StudyObjective.Of(summary);
        var first = await study.GetTrialsAsync(new TrialQuery(0, Sample, TrialStatus.Completed, TrialOrder.ById), cancellationToken);
        var best = await study.GetBestAsync(Sample, cancellationToken);
        var trials = first.Concat(best).DistinctBy(t => t.TrialId).Where(t => t.Score is { } s && double.IsFinite(s) && t.Feasible)
            .OrderBy(t => t.TrialId).ToList();

        // Best so far: exact while the sample holds every completed trial, and from the first of the best trials on
        // (a trial's running best is then one of the best trials); between the two it is the sample's best.
        var bestX = new List<long>(trials.Count);
        var bestY = new List<double>(trials.Count);
        var running = double.NegativeInfinity;
        foreach (var t in trials)
        {
            if (t.Score!.Value > running)
            {
                running = t.Score.Value;
                bestX.Add(t.TrialId);
                bestY.Add(objective.Value(running)!.Value);
            }
        }

        if (trials.Count > 0 && bestX[^1] != trials[^1].TrialId)
        {
            bestX.Add(trials[^1].TrialId);
            bestY.Add(bestY[^1]);
        }

        // The cost metrics: the other numeric metrics that vary (a constant, such as the epochs every trial ran, says nothing).
        var costs = trials.SelectMany(t => t.Metrics.Keys).Where(k => k != objective.Metric).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Where(k => trials.Select(t => t.Metrics.TryGetValue(k, out var v) ? v : double.NaN).Where(double.IsFinite).Distinct().Skip(1).Any())
            .Take(CostMetrics).ToList();
        var scatter = costs.Select(metric =>
        {
            var points = trials.Where(t => t.Metrics.TryGetValue(metric, out var c) && double.IsFinite(c))
                .Select(t => new ChartPoint(t.TrialId, t.Metrics[metric], t.Score!.Value, objective.Value(t.Score)!.Value)).ToList();
            return new
            {
                metric,
                points = points.Select(p => new[] { p.Cost, p.Value, p.TrialId }).ToList(),
                front = ParetoFront.Of(points).Select(p => new[] { p.Cost, p.Value, p.TrialId }).ToList(),
            };
        }).Where(s => s.points.Count > 0).ToList();

        var curves = new List<object>();
        string? curveMetric = null;
        foreach (var t in best.Take(CurveTrials))
        {
            var curve = await study.GetCurveAsync(t.TrialId, cancellationToken);
            curveMetric ??= curve.Any(p => p.Metrics.ContainsKey(objective.Metric)) ? objective.Metric : curve.FirstOrDefault()?.Metrics.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
            if (curveMetric is null)
            {
                continue;
            }

            var points = curve.Where(p => p.Metrics.ContainsKey(curveMetric)).ToList();
            if (points.Count > 0)
            {
                curves.Add(new { trial = t.TrialId, steps = points.Select(p => p.Step).ToList(), values = points.Select(p => p.Metrics[curveMetric]).ToList() });
            }
        }

        return new
        {
            objective = objective.Metric,
            direction = objective.Direction,
            sampled = trials.Count,
            complete = first.Count < Sample,
            best = new { x = bestX, y = bestY },
            scatter,
            curves = new { metric = curveMetric, trials = curves },
        };
    }
}
