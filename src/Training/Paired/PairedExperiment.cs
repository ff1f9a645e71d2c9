using System.Diagnostics;
using NasOrleans.Core.Paired;

namespace NasOrleans.Training.Paired;

/// <summary>
/// A whole environment-design run in one process, without the cluster (for <c>nas bench paired</c>): the agents
/// created from the seed, <c>rounds</c> rounds, the held-out evaluation at every <c>eval_every</c> rounds and the last.
/// The same <see cref="PairedRound"/> the trainer silos run.
/// </summary>
public static class PairedExperiment
{
    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="settings"/>; <paramref name="log"/> hears every evaluation.</summary>
    public static PairedExperimentResult Run(string method, PairedRoundSettings settings, int rounds, Action<string>? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = Stopwatch.GetTimestamp();
        using var agents = PairedAgents.Create(settings, null, null, null);
        var metrics = new List<IReadOnlyDictionary<string, double>>(rounds);
        IReadOnlyDictionary<string, double> transfer = new Dictionary<string, double>();
        for (var r = 1; r <= rounds; r++)
        {
            var evaluate = r % settings.Options.EvalEvery == 0 || r == rounds;
            var round = PairedRound.Run(settings, agents, r, evaluate, cancellationToken);
            metrics.Add(round.Metrics);
            if (evaluate)
            {
                transfer = TransferMetrics.Read(round.Metrics).ToDictionary(t => t.Level, t => t.Rate, StringComparer.Ordinal);
                log?.Invoke($"{method} seed {settings.Seed} round {r}/{rounds}: held-out {round.Metrics["heldout_solved_rate"]:F3} ({string.Join(", ", transfer.Select(t => $"{t.Key} {t.Value:F2}"))}), walls {round.Metrics["walls"]:F1}, solvable {round.Metrics["solvable_share"]:F2}, protagonist return {round.Metrics["protagonist_return"]:F3}");
            }
        }

        return new PairedExperimentResult(method, settings.Seed, metrics, transfer, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
