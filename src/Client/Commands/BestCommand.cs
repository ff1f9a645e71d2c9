using System.CommandLine;
using NasOrleans.Client.Backends;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas best [study]</c>: the best architecture found, with its metrics.</summary>
internal static class BestCommand
{
    public static Command Create(GlobalOptions global)
    {
        var study = new Argument<string?>("study") { Description = "The study (default: the latest).", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int>("--top", "-k") { Description = "How many of the best trials to list (default 5).", DefaultValueFactory = _ => 5 };
        var pareto = new Option<string?>("--pareto") { Description = "Print the Pareto front of the objective against this cost metric (params, flops, latency_ms, ...) instead." };
        var command = new Command("best", "Print the best architecture of a study and its metrics, or its Pareto front (--pareto COST).") { study, top, pareto };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            if (result.GetValue(top) is < 1 or > 10_000)
            {
                throw new CliException("--top must be between 1 and 10000.", ExitCodes.InvalidInput);
            }

            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var summary = await StudyResolver.ResolveAsync(client, result.GetValue(study), ct);
            return result.GetValue(pareto) is { } cost
                ? await ParetoPrinter.PrintAsync(client, summary, cost, settings.Json, ct)
                : await BestPrinter.PrintAsync(client, summary, result.GetValue(top), settings.Json, ct);
        }));
        return command;
    }
}
