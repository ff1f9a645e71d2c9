using System.Diagnostics;
using NasOrleans.Training.Paired;
using Xunit.Abstractions;

namespace NasOrleans.Training.Tests.Paired;

public class RecurrentAgentMemoryTests(ITestOutputHelper output)
{
    private const int Contexts = 3;
    private const int Length = Contexts + 1;
    private const int Updates = 60;

    [Fact]
    public void Update_CueThenQuery_LstmRemembersTheCue()
    {
        // Two-step episodes: step 0 shows a one-hot cue (reward 0 whatever the action), step 1 shows only a query flag and
        // rewards the action equal to the cue. Only the recurrent state carries the cue, so this needs the LSTM and the
        // update's replay through time with resets at dones.
        var shape = new AgentShape(0, 0, 0, Length, Contexts);
        var settings = new PpoSettings { LearningRate = 3e-3, Epochs = 4, Minibatches = 2, Hidden = 16 };
        using var agent = new RecurrentAgent(shape, settings, seed: 2);
        const int envs = 16, steps = 8;
        var random = new Random(9);
        var clock = Stopwatch.StartNew();
        PpoStats? last = null;
        var cues = new int[envs];
        for (var update = 0; update < Updates; update++)
        {
            using var rollout = agent.BeginRollout(envs, steps);
            var actions = new int[envs];
            for (var t = 0; t < steps; t++)
            {
                var query = t % 2 == 1;
                if (!query)
                {
                    for (var e = 0; e < envs; e++)
                    {
                        cues[e] = random.Next(Contexts);
                    }
                }

                rollout.Act(Observe(cues, query), actions);
                rollout.Record([.. actions.Select((a, e) => query && a == cues[e] ? 1f : 0f)], [.. Enumerable.Repeat(query, envs)]);
            }

            last = agent.Update(rollout);
        }

        var rewarded = last!.MeanReturn / (steps / 2);
        output.WriteLine($"{Updates} updates, {clock.Elapsed.TotalSeconds:F2} s, last rollout rewarded {rewarded:P0} of queries");
        Assert.True(GreedyRemembers(agent), $"After {Updates} updates the greedy policy forgets a cue.");
        Assert.True(rewarded > 0.8, $"After {Updates} updates only {rewarded:P0} of the sampled answers were rewarded.");
    }

    private static float[] Observe(int[] cues, bool query)
    {
        var obs = new float[cues.Length * Length];
        for (var e = 0; e < cues.Length; e++)
        {
            obs[(e * Length) + (query ? Contexts : cues[e])] = 1;
        }

        return obs;
    }

    private static bool GreedyRemembers(RecurrentAgent agent)
    {
        int[] cues = [.. Enumerable.Range(0, Contexts)];
        using var rollout = agent.BeginRollout(Contexts, 2);
        var actions = new int[Contexts];
        rollout.Act(Observe(cues, query: false), actions, greedy: true);
        rollout.Record(new float[Contexts], new bool[Contexts]);
        rollout.Act(Observe(cues, query: true), actions, greedy: true);
        return cues.All(c => actions[c] == c);
    }
}
