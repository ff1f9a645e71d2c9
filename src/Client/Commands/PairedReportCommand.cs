using System.Globalization;
using System.Text;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Client.Plots;
using NasOrleans.Core.Paired;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas report</c> of an environment-design study: the curriculum curves (solvable share, walls, shortest path,
/// solved path length, returns, regret, held-out solved rate, each against student steps) as PNGs, and the transfer
/// table of its last evaluation, optionally beside a second study (another method) drawn dashed.
/// </summary>
internal static class PairedReportCommand
{
    /// <summary>Rounds in the running mean of the curves.</summary>
    public const int Window = 10;

    /// <summary>Writes the plots of <paramref name="summary"/>'s study into <paramref name="directory"/> and prints its tables (or JSON).</summary>
    public static async Task<int> RunAsync(IStudyClient client, StudySummary summary, string? compareId, string directory, bool json, CancellationToken cancellationToken)
    {
        var studies = new List<PairedStudy> { await PairedStudy.LoadAsync(client, summary, cancellationToken) };
        if (compareId is not null)
        {
            var other = await client.GetStudyAsync(compareId, cancellationToken)
                ?? throw new CliException($"--compare: no study '{compareId}'. `nas list` shows the studies there are.", ExitCodes.NotFound);
            if (!PairedStudy.IsEnvironmentDesign(other))
            {
                throw new CliException($"--compare: study {other.StudyId} runs '{other.Algorithm}', not environment design ({PairedAlgorithms.Paired}, {PairedAlgorithms.Minimax}, {PairedAlgorithms.DomainRandomization}).", ExitCodes.InvalidInput);
            }

            studies.Add(await PairedStudy.LoadAsync(client, other, cancellationToken));
        }

        if (studies[0].Rounds.Count == 0)
        {
            throw new CliException($"Study {summary.StudyId} has no completed round to plot yet ({StudyView.Progress(summary)}).", ExitCodes.StudyNotCompleted);
        }

        var files = Plots(studies, directory);
        if (json)
        {
            JsonOutput.Write(new
            {
                studies = studies.Select(s => new
                {
                    study = s.Summary.StudyId,
                    algorithm = s.Summary.Algorithm,
                    rounds = s.Rounds.Count,
                    transfer = s.Transfer().ToDictionary(t => t.Level, t => t.Rate),
                    curriculum = CurriculumSeries.Metrics.ToDictionary(m => m, m => CurriculumSeries.Ends(s.Metrics, m) is var (first, last) ? new { first, last } : null),
                }).ToList(),
                files,
            });
            return ExitCodes.Ok;
        }

        Console.Write(Tables(studies));
        Console.WriteLine("Plots:");
        files.ForEach(f => Console.WriteLine($"  {f}"));
        return ExitCodes.Ok;
    }

    /// <summary>The curriculum (first and last fifth of the rounds) and transfer tables, as Markdown.</summary>
    public static string Tables(IReadOnlyList<PairedStudy> studies)
    {
        var text = new StringBuilder();
        text.AppendLine("Curriculum (mean over the first / last fifth of the rounds):").AppendLine();
        text.AppendLine("| study | method | rounds | " + string.Join(" | ", CurriculumSeries.Metrics) + " |");
        text.AppendLine("|---|---|---|" + string.Concat(CurriculumSeries.Metrics.Select(_ => "---|")));
        foreach (var s in studies)
        {
            var cells = CurriculumSeries.Metrics.Select(m => CurriculumSeries.Ends(s.Metrics, m) is var (a, b) && double.IsFinite(a) ? $"{F(a)} → {F(b)}" : "—");
            text.AppendLine($"| {s.Summary.StudyId} | {s.Summary.Algorithm} | {s.Rounds.Count} | {string.Join(" | ", cells)} |");
        }

        var levels = studies.SelectMany(s => s.Transfer().Select(t => t.Level)).Distinct(StringComparer.Ordinal).ToList();
        text.AppendLine().AppendLine("Zero-shot transfer (the protagonist's solved rate on each held-out level, at its last evaluation):").AppendLine();
        text.AppendLine("| study | method | round | " + string.Join(" | ", levels) + " | mean |");
        text.AppendLine("|---|---|---|" + string.Concat(levels.Select(_ => "---|")) + "---|");
        foreach (var s in studies)
        {
            var transfer = s.Transfer().ToDictionary(t => t.Level, t => t.Rate, StringComparer.Ordinal);
            var cells = levels.Select(l => transfer.TryGetValue(l, out var r) ? F(r) : "—");
            var mean = transfer.Count == 0 ? "—" : F(transfer.Values.Average());
            text.AppendLine($"| {s.Summary.StudyId} | {s.Summary.Algorithm} | {s.LastEvaluation?.TrialId.ToString(CultureInfo.InvariantCulture) ?? "—"} | {string.Join(" | ", cells)} | {mean} |");
        }

        return text.AppendLine().ToString();
    }

    private static List<string> Plots(IReadOnlyList<PairedStudy> studies, string directory)
    {
        var files = new List<string>();
        foreach (var metric in CurriculumSeries.Metrics)
        {
            if (!studies.Any(s => s.Metrics.Any(m => m.ContainsKey(metric))))
            {
                continue;
            }

            var title = studies.Count == 1 ? $"Study {studies[0].Summary.StudyId} ({studies[0].Summary.Algorithm}): {metric}" : $"{metric} (dashed: {studies[1].Summary.StudyId}, {studies[1].Summary.Algorithm})";
            var chart = new CurveChart(title, "student steps", metric.Replace('_', ' '));
            for (var i = 0; i < studies.Count; i++)
            {
                var window = metric == "heldout_solved_rate" ? 1 : Window;
                var points = CurriculumSeries.Of(studies[i].Metrics, metric, window).Select(p => new ChartPoint(p.Steps, p.Value)).ToList();
                chart.AddLine($"{studies[i].Summary.StudyId} ({studies[i].Summary.Algorithm})", points, i, dashed: i > 0);
            }

            files.Add(chart.Save(Path.Combine(directory, metric.Replace('_', '-') + ".png"), ScottPlot.Alignment.UpperLeft));
        }

        return files;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
