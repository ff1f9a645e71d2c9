using System.CommandLine;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas show [study]</c>: a study's standing, what reproduces it, and a page of its trials.</summary>
internal static class ShowCommand
{
    public static Command Create(GlobalOptions global)
    {
        var study = new Argument<string?>("study") { Description = "The study (default: the latest).", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "Trials per page (default 20).", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Trials to skip (default 0)." };
        var trial = new Option<long?>("--trial") { Description = "Show one trial with its learning curve." };
        var policy = new Option<bool>("--policy") { Description = "Also show what the study's controller learned (reinforce, ppo, tabnas, tunas, mpnas): each decision's probabilities." };
        var domain = new Option<string>("--domain") { Description = "With --policy: the domain whose controller to show (mpnas: a name under domains:; default: the study's only controller).", DefaultValueFactory = _ => ControllerKey.DefaultDomain };
        var command = new Command("show", "Show a study: status, reproducibility record and its trials (paged), or one trial's learning curve.") { study, limit, offset, trial, policy, domain };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            if (result.GetValue(limit) is < 1 or > 10_000 || result.GetValue(offset) < 0)
            {
                throw new CliException("--limit must be between 1 and 10000 and --offset at least 0.", ExitCodes.InvalidInput);
            }

            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var summary = await StudyResolver.ResolveAsync(client, result.GetValue(study), ct);
            var view = new StudyView(summary);
            if (result.GetValue(trial) is { } trialId)
            {
                return await ShowTrialAsync(client, view, trialId, settings.Json, ct);
            }

            PolicySnapshot? learned = null;
            if (result.GetValue(policy))
            {
                PolicyPrinter.EnsureLearnsPolicy(summary);
                learned = await client.GetPolicyAsync(summary.StudyId, result.GetValue(domain) ?? ControllerKey.DefaultDomain, ct);
            }

            var trials = await client.GetTrialsAsync(summary.StudyId, new TrialQuery(result.GetValue(offset), result.GetValue(limit)), ct);
            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    study = StudyView.SummaryJson(summary),
                    trials = trials.Select(view.TrialJson).ToList(),
                    policy = learned is null ? null : PolicyPrinter.Json(learned),
                    agents = PairedStudy.IsEnvironmentDesign(summary) ? await PairedShow.AgentsAsync(client, summary, ct) : null,
                });
                return ExitCodes.Ok;
            }

            Console.WriteLine(StudyView.Progress(summary));
            Console.WriteLine($"  algorithm {summary.Algorithm}, seed {summary.Seed}, objective {summary.Objective}");
            Console.WriteLine($"  spec sha256:{summary.SpecHash}, nas {summary.ProductVersion}");
            foreach (var (file, sum) in summary.DataChecksums)
            {
                Console.WriteLine($"  data {file} {sum}");
            }

            if (summary.Message is not null)
            {
                Console.WriteLine($"  {summary.Message}");
            }

            if (learned is not null)
            {
                PolicyPrinter.Print(learned);
            }

            if (PairedStudy.IsEnvironmentDesign(summary))
            {
                await PairedShow.PrintAsync(client, summary, ct);
            }

            trials.ToList().ForEach(t => Console.WriteLine(view.TrialText(t)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<int> ShowTrialAsync(IStudyClient client, StudyView view, long trialId, bool json, CancellationToken cancellationToken)
    {
        var page = await client.GetTrialsAsync(view.Summary.StudyId, new TrialQuery((int)Math.Min(int.MaxValue, trialId - 1), 1), cancellationToken);
        var trial = page.FirstOrDefault(t => t.TrialId == trialId)
            ?? throw new CliException($"Study {view.Summary.StudyId} has no trial {trialId}.", ExitCodes.NotFound);
        var curve = await client.GetCurveAsync(view.Summary.StudyId, trialId, cancellationToken);
        if (json)
        {
            JsonOutput.Write(new { trial = view.TrialJson(trial), curve = curve.Select(p => new { step = p.Step, metrics = p.Metrics }).ToList() });
            return ExitCodes.Ok;
        }

        Console.WriteLine(view.TrialText(trial));
        foreach (var point in curve)
        {
            Console.WriteLine($"    step {point.Step}: " + string.Join(", ", point.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {StudyView.Number(m.Value)}")));
        }

        return ExitCodes.Ok;
    }
}
