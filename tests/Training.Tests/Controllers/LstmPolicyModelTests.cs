using NasOrleans.Core.Nb201;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;
using NasOrleans.Training.Controllers;

namespace NasOrleans.Training.Tests.Controllers;

public class LstmPolicyModelTests
{
    private static SearchSpace Small() => new("custom",
    [
        Decision.Categorical("a", ["x", "y", "z"]),
        Decision.Categorical("b", ["p", "q"]),
        Decision.Integer("c", 1, 2, condition: new DecisionCondition("b", ["q"])),
        Decision.Float("lr", 1e-3, 1e-1, log: true),
    ]);

    private static LstmPolicyModel Model(SearchSpace space, int floatBins = 2, ulong seed = 1, double learningRate = 0.05) =>
        new(new PolicyLayout(space, floatBins), 16, learningRate, seed);

    [Fact]
    public void Sample_ConditionalSpace_SetsExactlyTheActiveDecisions()
    {
        var space = Small();
        var model = Model(space);
        var random = new DeterministicRandom(3);

        for (var n = 0; n < 50; n++)
        {
            var a = model.Sample(random);

            Assert.Equal(a[1] == 1, !double.IsNaN(a[2]));
            Assert.InRange(a[3], 1e-3, 1e-1);
            Assert.True(double.IsFinite(model.LogProb(a)));
        }
    }

    [Fact]
    public void LogProb_EveryArchitectureOfAFiniteSpace_SumsToOne()
    {
        var space = Small();
        var model = Model(space);
        model.Step([new PolicyTerm(new Architecture([2, 1, 2, 0.05]), 1.0)], 0.01);
        var total = 0.0;
        foreach (var a in new[] { 0.0, 1, 2 })
        {
            foreach (var bin in new[] { 0.002, 0.05 })
            {
                total += Math.Exp(model.LogProb(new Architecture([a, 0, double.NaN, bin])));
                total += Math.Exp(model.LogProb(new Architecture([a, 1, 1, bin])));
                total += Math.Exp(model.LogProb(new Architecture([a, 1, 2, bin])));
            }
        }

        Assert.Equal(1.0, total, 9);
    }

    [Fact]
    public void Step_PositiveWeightOnOneArchitecture_MakesItTheLikeliest()
    {
        var space = Nb201Space.Instance;
        var model = Model(space, floatBins: 8);
        var target = space.Sample(new DeterministicRandom(5));
        var before = model.LogProb(target);

        for (var i = 0; i < 60; i++)
        {
            model.Step([new PolicyTerm(target, 1.0)], 0);
        }

        Assert.Equal(60, model.Updates);
        Assert.True(model.LogProb(target) > before + 3, $"log π went from {before} to {model.LogProb(target)}");
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(model.Probabilities(i).Max(), model.Probabilities(i)[(int)target[i]]));
    }

    [Fact]
    public void Step_ConditionalReward_LearnsAPairingNoFactorizedPolicyCanExpress()
    {
        // Reward 1 when the two decisions agree: the best factorized policy puts all mass on one pair, while the LSTM,
        // conditioning b on a, can keep both agreeing pairs likely.
        var space = new SearchSpace("custom", [Decision.Categorical("a", ["0", "1"]), Decision.Categorical("b", ["0", "1"])]);
        var model = Model(space, learningRate: 0.05);
        var random = new DeterministicRandom(11);
        var baseline = new MovingAverageBaseline(0.9);
        for (var i = 0; i < 400; i++)
        {
            var a = model.Sample(random);
            var reward = a[0] == a[1] ? 1.0 : 0.0;
            baseline = baseline.Update(reward);
            model.Step([new PolicyTerm(a, reward - baseline.Value)], 0.02);
        }

        var agree = Math.Exp(model.LogProb(new Architecture([0, 0]))) + Math.Exp(model.LogProb(new Architecture([1, 1])));
        Assert.True(agree > 0.9, $"P(a == b) = {agree}");
    }

    [Fact]
    public void SaveState_RestoredIntoAnotherModel_SamplesAndLearnsIdentically()
    {
        var space = Small();
        var original = Model(space, seed: 1);
        var random = new DeterministicRandom(7);
        for (var i = 0; i < 5; i++)
        {
            original.Step([new PolicyTerm(original.Sample(random), i - 2.0)], 0.01);
        }

        var restored = Model(space, seed: 99);
        restored.RestoreState(original.SaveState());
        Assert.Equal(original.Parameters, restored.Parameters);
        Assert.Equal(original.SaveState(), restored.SaveState());
        var (r1, r2) = (DeterministicRandom.FromState(random.GetState()), DeterministicRandom.FromState(random.GetState()));
        var a = original.Sample(r1);
        var b = restored.Sample(r2);
        original.Step([new PolicyTerm(a, 1.5)], 0.01);
        restored.Step([new PolicyTerm(b, 1.5)], 0.01);

        Assert.Equal(a, b);
        Assert.Equal(original.Parameters, restored.Parameters);
        Assert.Equal(6, restored.Updates);
    }

    [Fact]
    public void StrategyCatalog_ReinforceWithLstmController_RunsOnTheRegisteredModel()
    {
        TorchControllers.Register();
        var strategy = (IPolicyStrategy)StrategyCatalog.Create("reinforce", Nb201Space.Instance, new Dictionary<string, string> { ["controller"] = "lstm" }, 4);

        var a = strategy.Propose();
        strategy.Observe(a, 80);
        var restored = (IPolicyStrategy)StrategyCatalog.Create("reinforce", Nb201Space.Instance, new Dictionary<string, string> { ["controller"] = "lstm" }, 4);
        restored.RestoreState(strategy.SaveState());

        Assert.IsType<LstmPolicyModel>(strategy.Model);
        Assert.Equal(1, strategy.PolicyUpdates);
        Assert.Equal(strategy.Propose(), restored.Propose());
    }

    [Fact]
    public void PolicyModels_UnknownController_NamesTheAvailableOnes()
    {
        var options = new PolicyGradientOptions(0.01, 0.9, 0, 8, RewardShaping.None) { Controller = "transformer" };

        var error = Assert.Throws<ArgumentException>(() => PolicyModels.Create(Nb201Space.Instance, options, 1));

        Assert.Contains("controller 'transformer' is not available", error.Message, StringComparison.Ordinal);
        Assert.Contains("factorized", error.Message, StringComparison.Ordinal);
    }
}
