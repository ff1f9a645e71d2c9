using NasOrleans.Core.Paired;
using NasOrleans.Core.Randomness;

namespace NasOrleans.Training.Paired;

/// <summary>
/// The adversary's episode: one level per environment, built one cell per step (walls, then the goal, then the agent)
/// from the grid it sees, the time step and a noise vector drawn at the episode's start; its reward, known only when the
/// students have played, is set on the last step before its update.
/// </summary>
public sealed class LevelDesign : IDisposable
{
    private LevelDesign(AgentRollout rollout, IReadOnlyList<GridLevel> levels)
    {
        Rollout = rollout;
        Levels = levels;
    }

    /// <summary>The adversary's rollout (bootstrapped; rewards 0 until <see cref="Reward"/>).</summary>
    public AgentRollout Rollout { get; }

    /// <summary>The levels built.</summary>
    public IReadOnlyList<GridLevel> Levels { get; }

    /// <summary>Builds <paramref name="count"/> levels with <paramref name="adversary"/>.</summary>
    public static LevelDesign Build(RecurrentAgent adversary, GridSize size, int walls, int noiseDim, int count, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(adversary);
        ArgumentNullException.ThrowIfNull(random);
        var builders = Enumerable.Range(0, count).Select(_ => new LevelBuilder(size, walls, new DeterministicRandom(random.NextUInt64()))).ToArray();
        var noise = Enumerable.Range(0, count * noiseDim).Select(_ => (float)random.NextDouble()).ToArray();
        var grid = builders[0].ObservationLength;
        var length = grid + noiseDim;
        var steps = builders[0].Steps;
        var rollout = adversary.BeginRollout(count, steps);
        try
        {
            var observations = new float[count * length];
            var actions = new int[count];
            var rewards = new float[count];
            var dones = new bool[count];
            for (var t = 0; t < steps; t++)
            {
                Observe(builders, noise, observations, grid, noiseDim);
                rollout.Act(observations, actions);
                for (var e = 0; e < count; e++)
                {
                    builders[e].Step(actions[e]);
                    dones[e] = builders[e].Done;
                }

                rollout.Record(rewards, dones);
            }

            Observe(builders, noise, observations, grid, noiseDim);
            rollout.Bootstrap(observations);
            return new LevelDesign(rollout, [.. builders.Select(b => b.Level)]);
        }
        catch
        {
            rollout.Dispose();
            throw;
        }
    }

    /// <summary>Sets the adversary's reward of level <paramref name="env"/> (on its episode's last step).</summary>
    public void Reward(int env, double reward) => Rollout.SetReward(Rollout.Steps - 1, env, (float)reward);

    /// <inheritdoc />
    public void Dispose() => Rollout.Dispose();

    private static void Observe(LevelBuilder[] builders, float[] noise, float[] observations, int grid, int noiseDim)
    {
        var length = grid + noiseDim;
        for (var e = 0; e < builders.Length; e++)
        {
            var row = observations.AsSpan(e * length, length);
            builders[e].WriteObservation(row[..grid]);
            noise.AsSpan(e * noiseDim, noiseDim).CopyTo(row[grid..]);
        }
    }
}
