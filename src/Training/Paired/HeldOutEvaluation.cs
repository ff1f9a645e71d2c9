using NasOrleans.Core.Paired;

namespace NasOrleans.Training.Paired;

/// <summary>
/// The protagonist's zero-shot transfer: every held-out level of the size (never trained on), <c>episodes</c> episodes
/// each with the policy sampling as in training, all played at once; a level's figure is the share of its episodes
/// that reached the goal.
/// </summary>
public static class HeldOutEvaluation
{
    /// <summary>The solved rate per held-out level of <paramref name="size"/>, by name.</summary>
    public static IReadOnlyDictionary<string, double> Run(RecurrentAgent agent, GridSize size, int studentSteps, int episodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var levels = HeldOutLevels.For(size);
        var solved = Play(agent, [.. levels.SelectMany(l => Enumerable.Repeat(l.Level, episodes))], studentSteps, cancellationToken);
        return levels.Select((l, i) => (l.Name, Rate: solved.Skip(i * episodes).Take(episodes).Count(s => s) / (double)episodes))
            .ToDictionary(x => x.Name, x => x.Rate, StringComparer.Ordinal);
    }

    /// <summary>Plays one episode on each of <paramref name="levels"/>; says which reached the goal.</summary>
    public static bool[] Play(RecurrentAgent agent, IReadOnlyList<GridLevel> levels, int studentSteps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(levels);
        var n = levels.Count;
        var envs = new StudentEnvironments(levels[0].Size, n, studentSteps);
        for (var e = 0; e < n; e++)
        {
            envs.Load(e, levels[e]);
        }

        using var rollout = agent.BeginRollout(n, studentSteps);
        var observations = new float[n * envs.ObservationLength];
        var actions = new int[n];
        var rewards = new float[n];
        var dones = new bool[n];
        var finished = new bool[n];
        var solved = new bool[n];
        for (var t = 0; t < studentSteps && !finished.All(f => f); t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            envs.WriteObservations(observations);
            rollout.Act(observations, actions);
            envs.Step(actions, rewards, dones);
            for (var e = 0; e < n; e++)
            {
                if (dones[e] && !finished[e])
                {
                    finished[e] = true;
                    solved[e] = rewards[e] > 0;
                }
            }

            rollout.Record(rewards, dones);
        }

        return solved;
    }
}
