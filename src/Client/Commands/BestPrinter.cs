using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Grains.Interfaces.Messages;
using Spectre.Console;

namespace NasOrleans.Client.Commands;

/// <summary>
/// Prints a study's best trials: one JSON object, a table on a terminal, or plain lines. With no completed feasible
/// trial the reason goes to stderr (and into the JSON object, with <c>"best": null</c>) and the exit code is 3.
/// </summary>
internal static class BestPrinter
{
    public static async Task<int> PrintAsync(IStudyClient client, StudySummary summary, int count, bool json, CancellationToken cancellationToken)
    {
        var view = new StudyView(summary);
        var best = await client.GetBestAsync(summary.StudyId, count, cancellationToken);
        var top = best.FirstOrDefault();
        var reason = top is null
            ? $"Study {summary.StudyId} has no completed feasible trial{(summary.Status == StudyStatus.Running ? " yet" : "")} ({StudyView.Progress(summary)})."
            : null;
        if (reason is not null)
        {
            await Console.Error.WriteLineAsync($"nas: {reason}");
        }

        if (json)
        {
            JsonOutput.Write(new
            {
                study = summary.StudyId,
                status = summary.Status,
                best = top is null ? null : view.TrialJson(top),
                reason,
                message = summary.Message,
                trial = top?.TrialId,
                architecture = top is null ? null : view.Architecture(top),
                display = top?.Display,
                metrics = top?.Metrics,
                top = best.Select(view.TrialJson).ToList(),
            });
            return top is null ? ExitCodes.StudyNotCompleted : ExitCodes.Ok;
        }

        if (top is null)
        {
            return ExitCodes.StudyNotCompleted;
        }

        var first = top;
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
