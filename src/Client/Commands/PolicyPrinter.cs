using System.Globalization;
using NasOrleans.Client.Output;
using NasOrleans.Core.Strategies;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas show STUDY --policy</c>: what a study's controller has learned, decision by decision.</summary>
internal static class PolicyPrinter
{
    /// <summary>The most actions printed per decision (the likeliest first); JSON lists them all.</summary>
    private const int ShownActions = 5;

    public static void EnsureLearnsPolicy(StudySummary summary)
    {
        if (StrategyCatalog.Find(summary.Algorithm)?.RunsInController != true)
        {
            var controllers = string.Join(", ", StrategyCatalog.Algorithms.Where(a => a.RunsInController).Select(a => a.Name));
            throw new CliException($"--policy: study {summary.StudyId} runs '{summary.Algorithm}', which learns no policy; the controllers are {controllers}.", ExitCodes.InvalidInput);
        }
    }

    public static object Json(PolicySnapshot policy) => new
    {
        algorithm = policy.Algorithm,
        updates = policy.Updates,
        observed = policy.Observed,
        baseline = policy.Baseline,
        logits = policy.Logits,
        decisions = policy.Decisions.Select(d => new { decision = d.Decision, actions = d.Actions, probabilities = d.Probabilities }).ToList(),
    };

    public static void Print(PolicySnapshot policy)
    {
        var f = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(f, $"  policy ({policy.Algorithm}): {policy.Updates} updates from {policy.Observed} observed trials, baseline {StudyView.Number(policy.Baseline)}"));
        foreach (var d in policy.Decisions)
        {
            if (d.Probabilities.Count == 0)
            {
                Console.WriteLine($"    {d.Decision}: sampled uniformly (not learned)");
                continue;
            }

            var top = d.Actions.Zip(d.Probabilities).OrderByDescending(a => a.Second).Take(ShownActions)
                .Select(a => string.Create(f, $"{a.First} {a.Second:0.000}"));
            var more = d.Actions.Count > ShownActions ? string.Create(f, $", … ({d.Actions.Count} actions)") : "";
            Console.WriteLine($"    {d.Decision}: {string.Join(", ", top)}{more}");
        }
    }
}
