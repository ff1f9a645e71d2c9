using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Core.Reports;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary>Prints a study's Pareto front: the objective against a cost metric over its completed feasible trials.</summary>
internal static class ParetoPrinter
{
    public static async Task<int> PrintAsync(IStudyClient client, StudySummary summary, string cost, bool json, CancellationToken cancellationToken)
    {
        var trials = (await CompletedTrials.LoadAsync(client, summary.StudyId, cancellationToken)).Where(t => t.Feasible).ToList();

        var known = trials.SelectMany(t => t.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (trials.Count > 0 && !known.Contains(cost, StringComparer.Ordinal))
        {
            throw new CliException($"--pareto: the trials report no metric '{cost}'; they report {string.Join(", ", known)}.", ExitCodes.InvalidInput);
        }

        var byId = trials.ToDictionary(t => t.TrialId);
        var front = ParetoFront.Compute(trials.Where(t => t.Metrics.ContainsKey(cost)).Select(t => new ParetoPoint(t.TrialId, t.Score!.Value, t.Metrics[cost])));
        var view = new StudyView(summary);
        if (json)
        {
            JsonOutput.Write(new { study = summary.StudyId, objective = summary.Objective, cost, front = front.Select(p => view.TrialJson(byId[p.Id])).ToList() });
            return ExitCodes.Ok;
        }

        Console.WriteLine($"Pareto front of study {summary.StudyId}: {summary.Objective} against {cost} ({front.Count} of {trials.Count} trials)");
        foreach (var p in front)
        {
            Console.WriteLine($"  trial {p.Id,-6} {cost} {StudyView.Number(p.Cost),-12} objective {StudyView.Number(Math.Abs(p.Score)),-10} {byId[p.Id].Display}");
        }

        return ExitCodes.Ok;
    }
}
