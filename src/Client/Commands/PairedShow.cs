using System.Globalization;
using NasOrleans.Client.Backends;
using NasOrleans.Core.Paired;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary>What <c>nas show</c> adds for an environment-design study: its curriculum so far, the agents' updates and the transfer table.</summary>
internal static class PairedShow
{
    /// <summary>Prints the study's curriculum and transfer (nothing when it has no completed round).</summary>
    public static async Task PrintAsync(IStudyClient client, StudySummary summary, CancellationToken cancellationToken)
    {
        var study = await PairedStudy.LoadAsync(client, summary, cancellationToken);
        if (study.Rounds.Count == 0)
        {
            return;
        }

        var last = study.Rounds[^1].Metrics;
        Console.WriteLine($"  rounds completed {study.Rounds.Count}, student steps {F(last.GetValueOrDefault("student_steps"))}");
        foreach (var role in PairedRoles.Of(summary.Algorithm))
        {
            var a = await client.GetAgentAsync(summary.StudyId, role, cancellationToken);
            Console.WriteLine($"  agent {role,-11} updates {a.Updates}, rollouts received {a.RolloutsReceived} ({a.Duplicates} repeated rounds, {a.Stale} stale), {a.StateBytes:N0} bytes of parameters and optimizer state");
        }

        Console.WriteLine($"  curriculum, first fifth → last fifth of the rounds:");
        foreach (var metric in CurriculumSeries.Metrics)
        {
            var (first, end) = CurriculumSeries.Ends(study.Metrics, metric);
            if (double.IsFinite(first))
            {
                Console.WriteLine($"    {metric,-20} {F(first),8} → {F(end)}");
            }
        }

        if (study.Transfer() is { Count: > 0 } transfer)
        {
            Console.WriteLine($"  zero-shot transfer at round {study.LastEvaluation!.TrialId} (solved rate per held-out level): "
                + string.Join(", ", transfer.Select(t => $"{t.Level} {F(t.Rate)}")));
        }
    }

    /// <summary>The agents of the study's method, by role: updates applied, rollouts received, duplicates and stale updates refused.</summary>
    public static async Task<Dictionary<string, object>> AgentsAsync(IStudyClient client, StudySummary summary, CancellationToken cancellationToken)
    {
        var agents = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var role in PairedRoles.Of(summary.Algorithm))
        {
            var a = await client.GetAgentAsync(summary.StudyId, role, cancellationToken);
            agents[role] = new { updates = a.Updates, last_round = a.LastRound, rollouts_received = a.RolloutsReceived, duplicates = a.Duplicates, stale = a.Stale, steps = a.Steps, last_mean_return = a.LastMeanReturn, state_bytes = a.StateBytes };
        }

        return agents;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
