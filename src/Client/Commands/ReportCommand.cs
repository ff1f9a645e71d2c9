using System.CommandLine;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas report [study] --out DIR</c>: PNG plots of a study (best so far, objective against each cost with the Pareto
/// front); of a weight-sharing study (tunas, mpnas) its paths' overlap and its curves, as tables and plots, optionally
/// against a second such study (<c>--compare</c>).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var study = new Argument<string?>("study") { Description = "The study (default: the latest).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the PNG files to (created when missing; default: report).", DefaultValueFactory = _ => "report" };
        var costs = new Option<string[]>("--cost")
        {
            Description = "A cost metric to plot the objective against (repeatable; default: the constraints' metrics, params, flops, latency_ms and lat_* that the trials report).",
            AllowMultipleArgumentsPerToken = false,
        };
        var compare = new Option<string?>("--compare")
        {
            Description = "tunas and mpnas: a second study of the same space and domains (the same search with abdp: false, say) whose curves are drawn dashed and whose last losses are tabled beside; paired, minimax, domain-randomization: a study of another method whose curriculum curves are drawn dashed and whose transfer is tabled beside.",
        };
        var command = new Command("report", "Write PNG plots of a study: the objective's best so far by trial, and the objective against each cost metric with its Pareto front; for tunas and mpnas, print the domains' argmax paths, their Jaccard matrix and sharing per layer, and plot them with the loss, entropy and validation accuracy curves.")
        {
            study, output, costs, compare,
        };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            var directory = PlotDirectory.Prepare(result.GetValue(output)!, "--out");
            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var summary = await StudyResolver.ResolveAsync(client, result.GetValue(study), ct);
            if (SupernetStudy.IsWeightSharing(summary))
            {
                if (result.GetValue(costs) is { Length: > 0 })
                {
                    throw new CliException($"--cost is for studies of many trials; study {summary.StudyId} runs '{summary.Algorithm}', whose report has no cost plots.", ExitCodes.InvalidInput);
                }

                return await SupernetReportCommand.RunAsync(client, summary, result.GetValue(compare), directory, settings.Json, ct);
            }

            if (PairedStudy.IsEnvironmentDesign(summary))
            {
                if (result.GetValue(costs) is { Length: > 0 })
                {
                    throw new CliException($"--cost is for studies of many trials; study {summary.StudyId} runs '{summary.Algorithm}', whose report plots its curriculum.", ExitCodes.InvalidInput);
                }

                return await PairedReportCommand.RunAsync(client, summary, result.GetValue(compare), directory, settings.Json, ct);
            }

            if (result.GetValue(compare) is not null)
            {
                throw new CliException($"--compare is for weight-sharing (tunas, mpnas) and environment-design (paired, minimax, domain-randomization) studies; study {summary.StudyId} runs '{summary.Algorithm}'.", ExitCodes.InvalidInput);
            }

            var trials = await CompletedTrials.LoadAsync(client, summary.StudyId, ct);
            if (trials.Count == 0)
            {
                throw new CliException($"Study {summary.StudyId} has no completed trial to plot yet ({StudyView.Progress(summary)}).", ExitCodes.StudyNotCompleted);
            }

            var report = new StudyReport(summary, trials);
            var chosen = result.GetValue(costs) is { Length: > 0 } asked ? asked : report.Costs();
            var reported = trials.SelectMany(t => t.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (chosen.FirstOrDefault(c => !reported.Contains(c, StringComparer.Ordinal)) is { } unknown)
            {
                throw new CliException($"--cost: the trials report no metric '{unknown}'; they report {string.Join(", ", reported)}.", ExitCodes.InvalidInput);
            }

            var files = report.Write(directory, chosen);
            if (settings.Json)
            {
                JsonOutput.Write(new { study = summary.StudyId, trials = trials.Count, files });
            }
            else
            {
                Console.WriteLine($"Report of study {summary.StudyId} ({trials.Count} completed trials):");
                files.ToList().ForEach(file => Console.WriteLine($"  {file}"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
