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
        var updates = PairedRoles.All.Where(r => last.ContainsKey($"{r}_updates")).Select(r => $"{r} {F(last[$"{r}_updates"])}");
        Console.WriteLine($"  rounds completed {study.Rounds.Count}, student steps {F(last.GetValueOrDefault("student_steps"))}; agent updates: {string.Join(", ", updates)}");
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

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
