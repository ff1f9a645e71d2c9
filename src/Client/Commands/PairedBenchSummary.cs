using System.Globalization;
using System.Text;
using NasOrleans.Client.Plots;
using NasOrleans.Core.Paired;
using NasOrleans.Core.Statistics;
using NasOrleans.Training.Paired;

namespace NasOrleans.Client.Commands;

/// <summary>The tables and plots of <c>nas bench paired</c>: per method, the mean over seeds with 95% intervals.</summary>
internal static class PairedBenchSummary
{
    /// <summary>The Markdown summary: the settings, the transfer table and the curriculum table.</summary>
    public static string Markdown(GridSize size, int walls, int rounds, PairedOptions options, IReadOnlyList<PairedExperimentResult> results)
    {
        var methods = results.Select(r => r.Method).Distinct(StringComparer.Ordinal).ToList();
        var levels = HeldOutLevels.For(size).Select(l => l.Name).ToList();
        var steps = (double)rounds * options.Envs * options.RolloutSteps;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"PAIRED benchmark, {size.Name} grid ({size.Width}x{size.Width}), {walls} walls, {rounds} rounds x {options.Envs} levels x {options.RolloutSteps} steps = {steps:N0} student steps per student; lr {options.LearningRate}, epochs {options.Epochs}, entropy {options.EntropyCoefficient}, hidden {options.Hidden}; {options.EvalEpisodes} episodes per held-out level."));
        text.AppendLine().AppendLine("Zero-shot solved rate of the protagonist at the end (mean [95% interval] over seeds):").AppendLine();
        text.AppendLine("| method | seeds | " + string.Join(" | ", levels) + " | mean |");
        text.AppendLine("|---|---|" + string.Concat(levels.Select(_ => "---|")) + "---|");
        foreach (var method in methods)
        {
            var runs = results.Where(r => r.Method == method).ToList();
            var cells = levels.Select(l => Cell([.. runs.Select(r => r.Transfer.GetValueOrDefault(l, double.NaN))]));
            text.AppendLine($"| {method} | {runs.Count} | {string.Join(" | ", cells)} | {Cell([.. runs.Select(r => r.Transfer.Count == 0 ? double.NaN : r.Transfer.Values.Average())])} |");
        }

        text.AppendLine().AppendLine("Curriculum: mean over the first fifth of the rounds → the last fifth (mean over seeds):").AppendLine();
        text.AppendLine("| method | " + string.Join(" | ", CurriculumSeries.Metrics) + " |");
        text.AppendLine("|---|" + string.Concat(CurriculumSeries.Metrics.Select(_ => "---|")));
        foreach (var method in methods)
        {
            var runs = results.Where(r => r.Method == method).ToList();
            var cells = CurriculumSeries.Metrics.Select(m =>
            {
                var ends = runs.Select(r => CurriculumSeries.Ends(r.Rounds, m)).Where(e => double.IsFinite(e.First) && double.IsFinite(e.Last)).ToList();
                return ends.Count == 0 ? "—" : Invariant($"{ends.Average(e => e.First):0.###} → {ends.Average(e => e.Last):0.###}");
            });
            text.AppendLine($"| {method} | {string.Join(" | ", cells)} |");
        }

        text.AppendLine().AppendLine(Invariant($"Wall time per run: {string.Join(", ", methods.Select(m => $"{m} {results.Where(r => r.Method == m).Average(r => r.Seconds):F0} s"))}."));
        return text.ToString();
    }

    /// <summary>One PNG per curriculum metric: each method's mean over seeds against student steps (10-round running mean).</summary>
    public static List<string> Plots(IReadOnlyList<PairedExperimentResult> results, string directory)
    {
        var methods = results.Select(r => r.Method).Distinct(StringComparer.Ordinal).ToList();
        var files = new List<string>();
        foreach (var metric in CurriculumSeries.Metrics)
        {
            var chart = new CurveChart($"{metric} over training (mean over seeds)", "student steps", metric.Replace('_', ' '));
            var any = false;
            for (var m = 0; m < methods.Count; m++)
            {
                var window = metric == "heldout_solved_rate" ? 1 : PairedReportCommand.Window;
                var series = results.Where(r => r.Method == methods[m]).Select(r => CurriculumSeries.Of(r.Rounds, metric, window)).Where(s => s.Count > 0).ToList();
                if (series.Count == 0)
                {
                    continue;
                }

                any = true;
                // Seeds share their rounds' step counts; a round where a seed reported nothing (no level solved) is left out of that point's mean.
                var points = series.SelectMany(s => s).GroupBy(p => p.Steps).OrderBy(g => g.Key).Select(g => new ChartPoint(g.Key, g.Average(p => p.Value))).ToList();
                chart.AddLine(methods[m], points, m);
            }

            if (any)
            {
                files.Add(chart.Save(Path.Combine(directory, metric.Replace('_', '-') + ".png"), ScottPlot.Alignment.UpperLeft));
            }
        }

        return files;
    }

    private static string Cell(double[] values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return "—";
        }

        // A solved rate lies in [0, 1]: the t interval of five seeds can reach past either end.
        var ci = MeanInterval.Compute(finite);
        return Invariant($"{ci.Estimate:0.00} [{Math.Max(0, ci.Lower):0.00}, {Math.Min(1, ci.Upper):0.00}]");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
