using System.Globalization;
using NasOrleans.Client.Plots;
using NasOrleans.Core.Benchmarks;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Reports;

namespace NasOrleans.Client.Commands;

/// <summary>The plots of <c>nas bench nb201 --plot DIR</c>.</summary>
internal static class Nb201BenchPlots
{
    /// <summary>best-so-far.png: per algorithm, the median over runs of the incumbent's test accuracy after each evaluation, with its quartiles.</summary>
    public static string BestSoFar(string directory, IReadOnlyList<Nb201BenchmarkResult> outcomes)
    {
        var first = outcomes[0];
        var f = CultureInfo.InvariantCulture;
        var chart = new BestSoFarChart(
            string.Create(f, $"NAS-Bench-201 {first.Dataset}{(first.Constraint is { } c ? $", {c.Constraint}" : "")}: best so far, median and 25th-75th percentile band over {first.Runs} runs"),
            "evaluations (distinct architectures trained)",
            "200-epoch test accuracy of the incumbent (%)");
        foreach (var outcome in outcomes)
        {
            chart.AddBands(outcome.Algorithm, QuantileBands.Compute(outcome.Curves));
        }

        var optimum = first.Constraint?.Optimum ?? first.Optimum;
        chart.AddReference(string.Create(f, $"{(first.Constraint is null ? "optimum" : "constrained optimum")} {optimum:0.00}"), optimum);
        return chart.Save(Path.Combine(directory, "best-so-far.png"));
    }

    /// <summary>
    /// accuracy-vs-COLUMN.png under a constraint: every cell of the table (grey), the feasible cells' Pareto front, the
    /// cell each run chose (one colour per algorithm), and the constraint's bounds.
    /// </summary>
    public static string Costs(string directory, Nb201Table table, Nb201Dataset dataset, Nb201Constraint constraint, IReadOnlyList<Nb201BenchmarkResult> outcomes)
    {
        var column = constraint.Column;
        var test = dataset.TestColumn;
        var cells = table.Rows.Where(r => r.TryGetValue(column, out var x) && double.IsFinite(x) && r.TryGetValue(test, out var y) && double.IsFinite(y)).ToList();
        var front = ParetoFront.Compute(cells.Where(r => constraint.Holds(r.Value(column))).Select(r => new ParetoPoint(r.ArchIndex, r.Value(test), r.Value(column))));
        var chart = new ParetoChart($"NAS-Bench-201 {dataset.Name}: the cells the runs chose under {constraint}", column, "200-epoch test accuracy (%)");
        chart.AddPoints("all cells of the table", [.. cells.Select(r => new ChartPoint(r.Value(column), r.Value(test)))], muted: true, size: 3);
        foreach (var outcome in outcomes)
        {
            var chosen = outcome.PerRun.Select(r => table.Find(r.BestArchString)).OfType<Nb201Row>()
                .Select(r => new ChartPoint(r.Value(column), r.Value(test))).ToList();
            chart.AddPoints($"{outcome.Algorithm}: chosen cells ({chosen.Count} runs)", chosen, size: 7);
        }

        chart.AddFront("Pareto front of the feasible cells", [.. front.Select(p => new ChartPoint(p.Cost, p.Score))]);
        var chosenValues = outcomes.SelectMany(o => o.PerRun).Where(r => double.IsFinite(r.TestAccuracy)).Select(r => r.TestAccuracy).ToList();
        if (chosenValues.Count > 0)
        {
            // Zoom on the chosen cells and the best of the table: the many poor cells would squash them into a line.
            var top = cells.Max(r => r.Value(test));
            var bottom = Math.Min(chosenValues.Min(), top - 1);
            chart.LimitValues(bottom - ((top - bottom) * 0.6), top + ((top - bottom) * 0.1));
        }

        var f = CultureInfo.InvariantCulture;
        if (constraint.Max is { } max)
        {
            chart.AddLimit(string.Create(f, $"{column} <= {max:G6}"), max);
        }

        if (constraint.Min is { } min)
        {
            chart.AddLimit(string.Create(f, $"{column} >= {min:G6}"), min);
        }

        return chart.Save(Path.Combine(directory, PlotFile.FileName($"accuracy-vs-{column}.png")));
    }
}
