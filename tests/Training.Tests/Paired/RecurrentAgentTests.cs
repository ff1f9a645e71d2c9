using NasOrleans.Training.Paired;

namespace NasOrleans.Training.Tests.Paired;

public class RecurrentAgentTests
{
    private static readonly AgentShape Shape = new(2, 3, 3, 2, 3);
    private static readonly PpoSettings Settings = new() { Epochs = 2, Minibatches = 2, Hidden = 8, LearningRate = 1e-3, EntropyCoefficient = 0.01 };

    /// <summary>A rollout whose observations depend only on (round, step, env) and whose rewards only on the actions; the actions taken, step-major.</summary>
    private static (List<int> Actions, PpoStats Stats) RolloutAndUpdate(RecurrentAgent agent, int round, int envs = 4, int steps = 6)
    {
        var random = new Random(round);
        using var rollout = agent.BeginRollout(envs, steps);
        var obs = new float[envs * Shape.ObservationLength];
        var actions = new int[envs];
        var taken = new List<int>();
        for (var t = 0; t < steps; t++)
        {
            for (var i = 0; i < obs.Length; i++)
            {
                obs[i] = (float)random.NextDouble();
            }

            rollout.Act(obs, actions);
            taken.AddRange(actions);
            rollout.Record([.. actions.Select(a => a == 1 ? 1f : 0f)], [.. Enumerable.Range(0, envs).Select(e => e == 0 && t == 2)]);
        }

        rollout.SetReward(steps - 1, 1, 5f);
        rollout.Bootstrap(obs);
        return (taken, agent.Update(rollout));
    }

    [Fact]
    public void SaveLoad_AfterAnUpdate_ContinuesBitIdentically()
    {
        using var original = new RecurrentAgent(Shape, Settings, seed: 7);
        RolloutAndUpdate(original, round: 1);
        using var restored = RecurrentAgent.Load(original.Save(), Shape, Settings);

        Assert.Equal(original.ParameterValues(), restored.ParameterValues());
        Assert.Equal(1, restored.Updates);
        for (var round = 2; round < 5; round++)
        {
            // Interleaved: each agent's own generator, so neither disturbs the other.
            var (a, sa) = RolloutAndUpdate(original, round);
            var (b, sb) = RolloutAndUpdate(restored, round);

            Assert.Equal(a, b);
            Assert.Equal(sa, sb);
        }

        Assert.Equal(original.ParameterValues(), restored.ParameterValues());
        Assert.Equal(4, restored.Updates);
    }

    [Fact]
    public void Constructor_SameSeed_SameParametersAndActions_OtherSeedDiffers()
    {
        // libtorch's global generator is reseeded in between: an agent never draws from it.
        TorchSharp.torch.manual_seed(1);
        using var a = new RecurrentAgent(Shape, Settings, seed: 3);
        TorchSharp.torch.manual_seed(99);
        using var b = new RecurrentAgent(Shape, Settings, seed: 3);
        using var c = new RecurrentAgent(Shape, Settings, seed: 4);

        Assert.Equal(a.ParameterValues(), b.ParameterValues());
        Assert.NotEqual(a.ParameterValues(), c.ParameterValues());
        var (actionsA, statsA) = RolloutAndUpdate(a, 1);
        var (actionsB, statsB) = RolloutAndUpdate(b, 1);

        Assert.Equal(actionsA, actionsB);
        Assert.Equal(statsA, statsB);
        Assert.Equal(a.ParameterValues(), b.ParameterValues());
    }

    [Fact]
    public void Load_OtherShape_ThrowsNamingExpectedAndFound()
    {
        using var agent = new RecurrentAgent(Shape, Settings, seed: 1);
        var state = agent.Save();

        var e = Assert.Throws<InvalidDataException>(() => RecurrentAgent.Load(state, Shape with { Actions = 4 }, Settings));

        Assert.Equal("The saved agent does not fit: expected 2x3x3+2 floats, 4 actions, hidden 8, found 2x3x3+2 floats, 3 actions, hidden 8.", e.Message);
        Assert.Throws<InvalidDataException>(() => RecurrentAgent.Load([1, 2, 3], Shape, Settings));
    }

    [Fact]
    public void Update_RolloutNotFull_Throws()
    {
        using var agent = new RecurrentAgent(Shape, Settings, seed: 1);
        using var rollout = agent.BeginRollout(2, 3);
        rollout.Act(new float[2 * Shape.ObservationLength], new int[2]);
        rollout.Record([0, 0], [false, false]);

        Assert.Throws<InvalidOperationException>(() => rollout.Record([0, 0], [false, false]));
        Assert.Throws<InvalidOperationException>(() => agent.Update(rollout));
    }

    [Fact]
    public void Update_AllDoneAtTheEndWithoutBootstrap_Updates()
    {
        // The adversary's case: a fixed-length episode, its reward set at the last step afterwards.
        using var agent = new RecurrentAgent(Shape, Settings, seed: 1);
        using var rollout = agent.BeginRollout(2, 3);
        for (var t = 0; t < 3; t++)
        {
            rollout.Act(new float[2 * Shape.ObservationLength], new int[2]);
            rollout.Record([0, 0], [t == 2, t == 2]);
        }

        rollout.SetReward(2, 0, 1.5f);
        var stats = agent.Update(rollout);

        Assert.Equal(0.75, stats.MeanReturn, 6);
        Assert.Equal(1, stats.Updates);
        Assert.True(double.IsFinite(stats.PolicyLoss) && double.IsFinite(stats.ValueLoss) && stats.Entropy > 0);
    }
}
