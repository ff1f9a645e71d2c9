using System.Diagnostics;
using NasOrleans.Core.Randomness;

namespace NasOrleans.Core.Paired;

/// <summary>
/// A small benchmark of the student gridworld, for <c>nas bench</c>: environments on domain-randomized levels take
/// uniformly random actions and write their observations every step, as a rollout would.
/// </summary>
public static class GridworldThroughput
{
    /// <summary>Environment steps per second (every environment's step counted) of <paramref name="steps"/> batch steps.</summary>
    /// <param name="size">The grid size; levels get <see cref="GridSize.MaxWalls"/> wall steps.</param>
    /// <param name="environments">The batch size.</param>
    /// <param name="steps">The batch steps to time.</param>
    /// <param name="seed">The seed of the levels and actions.</param>
    public static double StepsPerSecond(GridSize size, int environments, int steps, int seed)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var random = new DeterministicRandom(unchecked((ulong)seed));
        var envs = new StudentEnvironments(size, environments);
        for (var env = 0; env < environments; env++)
        {
            envs.Load(env, RandomLevels.Sample(size, size.MaxWalls, random));
        }

        var actions = new int[environments];
        var rewards = new float[environments];
        var dones = new bool[environments];
        var observations = new float[environments * envs.ObservationLength];
        var start = Stopwatch.GetTimestamp();
        for (var step = 0; step < steps; step++)
        {
            for (var env = 0; env < environments; env++)
            {
                actions[env] = random.NextInt(StudentEnvironments.ActionCount);
            }

            envs.Step(actions, rewards, dones);
            envs.WriteObservations(observations);
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (double)environments * steps / Math.Max(seconds, 1e-9);
    }
}
