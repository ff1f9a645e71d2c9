using System.Diagnostics;
using NasOrleans.Core.Paired;
using NasOrleans.Core.Randomness;

namespace NasOrleans.Training.Paired;

/// <summary>
/// One round of an environment-design study, with no Orleans in it: the levels (the adversary's, or random), the
/// students' rollouts on them, the regret, the PPO update of every agent, the curriculum figures, and, when asked, the
/// protagonist's zero-shot evaluation on the held-out levels. Deterministic given the agents' packages, the seed and
/// the round, so a round repeated after a lost trainer plays the same.
/// </summary>
public static class PairedRound
{
    /// <summary>Runs round <paramref name="round"/> (1-based), updating <paramref name="agents"/> in place.</summary>
    public static PairedRoundResult Run(PairedRoundSettings settings, PairedAgents agents, long round, bool evaluate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(agents);
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        var started = Stopwatch.GetTimestamp();
        var o = settings.Options;
        var random = new DeterministicRandom(unchecked(settings.Seed * 0x9E3779B97F4A7C15UL + (ulong)round));
        using var design = agents.Adversary is { } adversary
            ? LevelDesign.Build(adversary, settings.Size, settings.Walls, o.NoiseDim, o.Envs, random)
            : null;
        IReadOnlyList<GridLevel> levels = design?.Levels ?? [.. Enumerable.Range(0, o.Envs).Select(_ => RandomLevels.Sample(settings.Size, settings.Walls, random))];
        using var protagonist = StudentPlay.Play(agents.Protagonist, levels, o.RolloutSteps, settings.StudentSteps, cancellationToken);
        using var antagonist = agents.Antagonist is { } a ? StudentPlay.Play(a, levels, o.RolloutSteps, settings.StudentSteps, cancellationToken) : null;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var curriculum = Curriculum(levels, protagonist);
        foreach (var (k, v) in curriculum)
        {
            metrics[k] = v;
        }

        metrics["protagonist_return"] = Enumerable.Range(0, levels.Count).Average(protagonist.MeanReturn);
        if (antagonist is not null)
        {
            var regrets = Enumerable.Range(0, levels.Count).Select(e => Regret.Compute(antagonist.Returns[e], protagonist.Returns[e])).ToList();
            metrics["regret"] = regrets.Average();
            metrics["antagonist_return"] = Enumerable.Range(0, levels.Count).Average(antagonist.MeanReturn);
            for (var e = 0; e < levels.Count; e++)
            {
                design!.Reward(e, regrets[e]);
            }

            metrics["adversary_return"] = regrets.Average();
        }
        else if (design is not null)
        {
            for (var e = 0; e < levels.Count; e++)
            {
                design.Reward(e, -protagonist.MeanReturn(e));
            }

            metrics["adversary_return"] = -metrics["protagonist_return"];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var stats = new Dictionary<string, PpoStats>(StringComparer.Ordinal);
        if (design is not null)
        {
            stats["adversary"] = agents.Adversary!.Update(design.Rollout);
        }

        stats["protagonist"] = agents.Protagonist.Update(protagonist.Rollout);
        if (antagonist is not null)
        {
            stats["antagonist"] = agents.Antagonist!.Update(antagonist.Rollout);
        }

        foreach (var (role, s) in stats)
        {
            metrics[$"{role}_entropy"] = s.Entropy;
            metrics[$"{role}_approx_kl"] = s.ApproxKl;
        }

        var studentSteps = (double)o.Envs * o.RolloutSteps;
        metrics["student_steps"] = studentSteps * round;
        if (evaluate)
        {
            var evaluation = HeldOutEvaluation.Run(agents.Protagonist, settings.Size, settings.StudentSteps, o.EvalEpisodes, cancellationToken);
            foreach (var (name, rate) in evaluation)
            {
                metrics[TransferMetrics.Name(name)] = rate;
            }

            metrics["heldout_solved_rate"] = evaluation.Values.Average();
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        metrics["round_seconds"] = seconds;
        metrics["env_steps_per_second"] = studentSteps * (antagonist is null ? 1 : 2) / Math.Max(seconds, 1e-9);
        return new PairedRoundResult(metrics, levels, stats);
    }

    private static Dictionary<string, double> Curriculum(IReadOnlyList<GridLevel> levels, StudentPlay protagonist)
    {
        var paths = levels.Select(l => l.ShortestPath()).ToList();
        var solvable = paths.Where(p => p is not null).Select(p => (double)p!.Value).ToList();
        var solved = Enumerable.Range(0, levels.Count).Where(e => protagonist.Solved[e] > 0).ToList();
        var result = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["walls"] = levels.Average(l => l.WallCount),
            ["solvable_share"] = (double)solvable.Count / levels.Count,
            ["solved_rate"] = (double)solved.Count / levels.Count,
        };
        if (solvable.Count > 0)
        {
            result["shortest_path"] = solvable.Average();
        }

        if (solved.Count > 0)
        {
            result["solved_path_length"] = solved.Average(e => (double)paths[e]!.Value);
        }

        return result;
    }
}
