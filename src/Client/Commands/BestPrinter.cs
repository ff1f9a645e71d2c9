using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Grains.Interfaces.Messages;
using Spectre.Console;

namespace NasOrleans.Client.Commands;

/// <summary>Prints a study's best trials: one JSON object, a table on a terminal, or plain lines.</summary>
internal static class BestPrinter
{
    public static async Task<int> PrintAsync(IStudyClient client, StudySummary summary, int count, bool json, CancellationToken cancellationToken)
    {
        var view = new StudyView(summary);
        var best = await client.GetBestAsync(summary.StudyId, count, cancellationToken);
        if (json)
        {
            var top = best.FirstOrDefault();
            JsonOutput.Write(new
            {
                study = summary.StudyId,
                status = summary.Status,
                trial = top?.TrialId,
                architecture = top is null ? null : view.Architecture(top),
                display = top?.Display,
                metrics = top?.Metrics,
                top = best.Select(view.TrialJson).ToList(),
            });
            return top is null ? ExitCodes.NotFound : ExitCodes.Ok;
        }

        if (best.Count == 0)
        {
            Console.WriteLine($"Study {summary.StudyId} has no completed feasible trial yet ({StudyView.Progress(summary)}).");
            return ExitCodes.NotFound;
        }

        var first = best[0];
        Console.WriteLine($"Best architecture of study {summary.StudyId} (trial {first.TrialId}, {summary.Objective}):");
        Console.WriteLine($"  {first.Display}");
        foreach (var (name, value) in first.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {name,-24} {StudyView.Number(value)}");
        }

        if (best.Count > 1)
        {
            if (Console.IsOutputRedirected)
            {
                Console.WriteLine("Top trials:");
                best.ToList().ForEach(t => Console.WriteLine("  " + view.TrialText(t)));
            }
            else
            {
                var metricNames = best.SelectMany(t => t.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).Take(6).ToList();
                var table = new Table().AddColumn("trial").AddColumn("architecture");
                metricNames.ForEach(m => table.AddColumn(m));
                foreach (var t in best)
                {
                    table.AddRow([t.TrialId.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(t.Display ?? ""), .. metricNames.Select(m => t.Metrics.TryGetValue(m, out var v) ? StudyView.Number(v) : "")]);
                }

                AnsiConsole.Write(table);
            }
        }

        return ExitCodes.Ok;
    }
}
