using System.Diagnostics;
using NasOrleans.Training.Paired;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Paired;

public class RecurrentAgentThroughputTests(ITestOutputHelper output)
{
    /// <summary>
    /// Prints the speed of batched Act (with Record) over 32 envs × 100 steps of a 3×5×5 image + 4 extras, 3 actions, and of
    /// the default Update (5 epochs, 1 minibatch) of that rollout, on one torch thread. For comparable figures run with
    /// OMP_WAIT_POLICY=PASSIVE in the environment (libgomp reads it when it starts).
    /// </summary>
    [Fact]
    public void ActAndUpdate_32EnvsBy100Steps_PrintsStepsPerSecond()
    {
        var threads = get_num_threads();
        set_num_threads(1);
        try
        {
            var shape = new AgentShape(3, 5, 5, 4, 3);
            using var agent = new RecurrentAgent(shape, new PpoSettings(), seed: 1);
            const int envs = 32, steps = 100;
            var random = new Random(1);
            var obs = new float[envs * shape.ObservationLength];
            var actions = new int[envs];
            var rewards = new float[envs];
            var dones = new bool[envs];
            Run(agent, envs, steps, obs, actions, rewards, dones, random); // warm-up
            var (act, update) = Run(agent, envs, steps, obs, actions, rewards, dones, random);

            output.WriteLine($"OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(unset)"}, torch threads 1");
            output.WriteLine($"Act+Record: {envs}x{steps} env-steps in {act.TotalMilliseconds:F0} ms = {envs * steps / act.TotalSeconds:F0} env-steps/s ({steps / act.TotalSeconds:F0} batched Acts/s)");
            output.WriteLine($"Update (5 epochs x 1 minibatch over {envs}x{steps}): {update.TotalMilliseconds:F0} ms");
            Assert.True(act > TimeSpan.Zero && update > TimeSpan.Zero);
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private static (TimeSpan Act, TimeSpan Update) Run(
        RecurrentAgent agent, int envs, int steps, float[] obs, int[] actions, float[] rewards, bool[] dones, Random random)
    {
        using var rollout = agent.BeginRollout(envs, steps);
        var clock = Stopwatch.StartNew();
        for (var t = 0; t < steps; t++)
        {
            for (var i = 0; i < obs.Length; i++)
            {
                obs[i] = random.Next(2);
            }

            rollout.Act(obs, actions);
            for (var e = 0; e < envs; e++)
            {
                rewards[e] = actions[e] == 0 ? 1 : 0;
                dones[e] = random.Next(20) == 0;
            }

            rollout.Record(rewards, dones);
        }

        rollout.Bootstrap(obs);
        var act = clock.Elapsed;
        clock.Restart();
        agent.Update(rollout);
        return (act, clock.Elapsed);
    }
}
