using System.Diagnostics;
using NasOrleans.Training.Paired;
using Xunit.Abstractions;

namespace NasOrleans.Training.Tests.Paired;

public class RecurrentAgentLearningTests(ITestOutputHelper output)
{
    private const int Contexts = 3;
    private const int Updates = 40;

    /// <summary>The rewarded action of a context: not the context itself, so an identity shortcut does not pass.</summary>
    private static int Rewarded(int context) => (context + 1) % Contexts;

    [Fact]
    public void Update_ContextualBandit_GreedyPolicyPicksTheRewardedActionInEveryContext()
    {
        // Each step is a one-step episode: a one-hot context, reward 1 for the rewarded action, 0 otherwise.
        var shape = new AgentShape(0, 0, 0, Contexts, Contexts);
        var settings = new PpoSettings { LearningRate = 3e-3, Epochs = 4, Minibatches = 2, Hidden = 16 };
        using var agent = new RecurrentAgent(shape, settings, seed: 11);
        const int envs = 16, steps = 8;
        var random = new Random(5);
        var clock = Stopwatch.StartNew();
        PpoStats? last = null;
        for (var update = 0; update < Updates; update++)
        {
            using var rollout = agent.BeginRollout(envs, steps);
            var obs = new float[envs * Contexts];
            var contexts = new int[envs];
            var actions = new int[envs];
            for (var t = 0; t < steps; t++)
            {
                Array.Clear(obs);
                for (var e = 0; e < envs; e++)
                {
                    contexts[e] = random.Next(Contexts);
                    obs[(e * Contexts) + contexts[e]] = 1;
                }

                rollout.Act(obs, actions);
                rollout.Record([.. actions.Select((a, e) => a == Rewarded(contexts[e]) ? 1f : 0f)], [.. Enumerable.Repeat(true, envs)]);
            }

            last = agent.Update(rollout);
        }

        // The last rollout's rewarded fraction: sampled (not greedy) actions, so the policy must be confident, not just lucky.
        var rewarded = last!.MeanReturn / steps;
        output.WriteLine($"{Updates} updates, {clock.Elapsed.TotalSeconds:F2} s, last rollout rewarded {rewarded:P0}, entropy {last.Entropy:F3}");
        Assert.True(AllRight(agent), $"After {Updates} updates the greedy policy still misses a context.");
        Assert.True(rewarded > 0.8, $"After {Updates} updates only {rewarded:P0} of the sampled actions were rewarded.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Learning took {clock.Elapsed}.");
    }

    private static bool AllRight(RecurrentAgent agent)
    {
        using var rollout = agent.BeginRollout(Contexts, 1);
        var obs = new float[Contexts * Contexts];
        for (var c = 0; c < Contexts; c++)
        {
            obs[(c * Contexts) + c] = 1;
        }

        var actions = new int[Contexts];
        rollout.Act(obs, actions, greedy: true);
        return Enumerable.Range(0, Contexts).All(c => actions[c] == Rewarded(c));
    }
}
