using NasOrleans.Core.Paired;

namespace NasOrleans.Training.Paired;

/// <summary>
/// A student's rollout on a round's levels, one environment per level: <c>rollout_steps</c> steps each, an episode that
/// ends restarting on the same level; the rollout stays open for the agent's PPO update.
/// </summary>
public sealed class StudentPlay : IDisposable
{
    private StudentPlay(AgentRollout rollout, IReadOnlyList<IReadOnlyList<double>> returns, IReadOnlyList<int> solved)
    {
        Rollout = rollout;
        Returns = returns;
        Solved = solved;
    }

    /// <summary>The recorded rollout (bootstrapped).</summary>
    public AgentRollout Rollout { get; }

    /// <summary>Per level, the returns of the episodes that ended.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Returns { get; }

    /// <summary>Per level, the episodes that reached the goal.</summary>
    public IReadOnlyList<int> Solved { get; }

    /// <summary>The mean episode return of level <paramref name="env"/> (0 when none ended).</summary>
    public double MeanReturn(int env) => Returns[env].Count == 0 ? 0 : Returns[env].Average();

    /// <summary>Plays <paramref name="levels"/> with <paramref name="agent"/>.</summary>
    public static StudentPlay Play(RecurrentAgent agent, IReadOnlyList<GridLevel> levels, int rolloutSteps, int studentSteps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(levels);
        var n = levels.Count;
        var envs = new StudentEnvironments(levels[0].Size, n, studentSteps);
        for (var e = 0; e < n; e++)
        {
            envs.Load(e, levels[e]);
        }

        var rollout = agent.BeginRollout(n, rolloutSteps);
        try
        {
            var observations = new float[n * envs.ObservationLength];
            var actions = new int[n];
            var rewards = new float[n];
            var dones = new bool[n];
            for (var t = 0; t < rolloutSteps; t++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                envs.WriteObservations(observations);
                rollout.Act(observations, actions);
                envs.Step(actions, rewards, dones);
                rollout.Record(rewards, dones);
            }

            envs.WriteObservations(observations);
            rollout.Bootstrap(observations);
            return new StudentPlay(
                rollout,
                [.. Enumerable.Range(0, n).Select(e => (IReadOnlyList<double>)[.. envs.EpisodeReturns(e)])],
                [.. Enumerable.Range(0, n).Select(envs.Solved)]);
        }
        catch
        {
            rollout.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Rollout.Dispose();
}
