using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;
using static NasOrleans.Core.Tests.WeightSharing.TunasControllerTestSpaces;

namespace NasOrleans.Core.Tests.WeightSharing;

public class TunasControllerTests
{
    private static TunasController Create(ulong seed = 1, double learningRate = 0.05) =>
        new(Toy, new TunasOptions { LearningRate = learningRate }, seed);

    [Fact]
    public void Sample_Batch_GivesSequentialIdsAllOutstanding()
    {
        var c = Create();
        var first = c.Sample(3);
        var second = c.Sample(2, new DeterministicRandom(9));
        Assert.Equal([0L, 1, 2, 3, 4], first.Concat(second).Select(s => s.Id));
        Assert.Equal(5, c.Outstanding);
        Assert.Equal(5, c.NextSampleId);
    }

    [Fact]
    public void Sample_SameSeed_GivesSameSamplesAndLogits()
    {
        TunasController Run()
        {
            var c = Create(7);
            Drive(c, 20, 4, ToyReward);
            return c;
        }

        var (a, b) = (Run(), Run());
        Assert.Equal(a.Sample(16).Select(s => s.Architecture.Key), b.Sample(16).Select(s => s.Architecture.Key));
        Assert.Equal(a.Logits, b.Logits);
    }

    [Fact]
    public void Update_ToyProblem_ArgmaxFindsTheRewardedPathAndEntropyFalls()
    {
        var c = Create(3);
        var initialEntropy = c.Entropy;
        Assert.Equal(4 * Math.Log(4), initialEntropy, 12);
        Drive(c, 150, 8, ToyReward);

        Assert.Equal(Best.Select(b => (double)b), c.Argmax().Values);
        Assert.True(c.Entropy < initialEntropy / 2, $"entropy {c.Entropy:F3} of {initialEntropy:F3}");
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(c.Probabilities(i)[Best[i]] > 0.7, $"decision {i}: {c.Probabilities(i)[Best[i]]:F3}"));
    }

    [Fact]
    public void Update_TunasDefaultLearningRate_LearnsTheToyProblemWithinAThousandSteps()
    {
        var c = new TunasController(Toy, new TunasOptions(), 5);
        Drive(c, 1000, 8, ToyReward);
        Assert.Equal(Best.Select(b => (double)b), c.Argmax().Values);
        Assert.True(c.Entropy < 2 * Math.Log(4), $"entropy {c.Entropy:F3}");
    }

    [Fact]
    public void Update_TwoBatches_BaselineIsTheZeroDebiasedEmaOfTheStepMeans()
    {
        var c = Create();
        var s = c.Sample(4);
        var first = c.Update([new(s[0].Id, 1), new(s[1].Id, 1)]);
        Assert.Equal(1, first.Baseline);
        Assert.Equal(0, first.MeanAdvantage);

        var second = c.Update([new(s[2].Id, 2), new(s[3].Id, 4)]);
        var expected = ((0.95 * 0.05 * 1) + (0.05 * 3)) / ((0.95 * 0.05) + 0.05);
        Assert.Equal(expected, second.Baseline, 15);
        Assert.Equal(expected, c.Baseline, 15);
        Assert.Equal(3, second.MeanReward);
        Assert.Equal(3 - expected, second.MeanAdvantage, 15);
    }

    [Fact]
    public void Update_OneStepOnACoin_MatchesTheHandComputedReinforceStep()
    {
        // One decision of two values at p = 0.5: a reward 1 for value 0 and 0 for value 1 gives baseline 0.5, advantages
        // +-0.5, and both samples the loss gradient [-0.25, 0.25]; Adam (beta1 = 0) then moves the logits by
        // lr * sqrt(1 - beta2) * 0.25 / (sqrt((1 - beta2) * 0.0625) + eps), up for value 0 and down for value 1.
        var c = new TunasController(new SearchSpace("custom", [Decision.Categorical("coin", ["heads", "tails"])]), new TunasOptions(), 3);
        var samples = c.Sample(16);
        var heads = samples.First(s => s.Architecture[0] == 0);
        var tails = samples.First(s => s.Architecture[0] == 1);
        c.Release(samples.Where(s => s != heads && s != tails).Select(s => s.Id));

        var update = c.Update([new(heads.Id, 1), new(tails.Id, 0)]);

        var move = 0.0048 * Math.Sqrt(0.001) * 0.25 / (Math.Sqrt(0.001 * 0.0625) + 1e-8);
        Assert.Equal(0.5, update.Baseline);
        Assert.Equal(move, c.Logits[0], 15);
        Assert.Equal(-move, c.Logits[1], 15);
        Assert.Equal(0.0048, move, 6);
    }

    [Fact]
    public void Update_FirstSingleReward_HasZeroAdvantageAndLeavesTheLogits()
    {
        var c = Create();
        var s = c.Sample(1);
        var update = c.Update([new(s[0].Id, 0.7)]);
        Assert.True(update.Stepped);
        Assert.Equal(0, update.MeanAdvantage);
        Assert.All(c.Logits, l => Assert.Equal(0, l));
    }

    [Fact]
    public void Update_ZeroScale_MovesTheBaselineButNotTheLogits()
    {
        var c = Create();
        Drive(c, 1, 4, ToyReward);
        var logits = c.Logits;
        var s = c.Sample(4);
        var update = c.Update([.. s.Select((x, i) => new TunasReward(x.Id, i))], learningRateScale: 0);
        Assert.Equal(0, update.LearningRate);
        Assert.Equal(logits, c.Logits);
        Assert.Equal(2, c.Updates);
        Assert.NotEqual(0, c.Baseline);
    }

    [Fact]
    public void Update_DuringTheRlDelay_DoesNotMoveTheLogits()
    {
        var c = Create();
        for (var step = 0; step < 25; step++)
        {
            var s = c.Sample(4);
            c.Update([.. s.Select(x => new TunasReward(x.Id, ToyReward(x.Architecture)))], step, 100);
        }

        Assert.All(c.Logits, l => Assert.Equal(0, l));
        var last = c.Sample(4);
        Assert.Equal(0.05, c.Update([.. last.Select(x => new TunasReward(x.Id, ToyReward(x.Architecture)))], 25, 100).LearningRate, 15);
    }

    [Fact]
    public void Argmax_UniformMixedSpace_TakesFirstValuesAndTheCentreOfBins()
    {
        var c = new TunasController(Mixed, new TunasOptions { FloatBins = 4 }, 1);
        var a = c.Argmax();
        Assert.Equal(0, a[0]);
        Assert.Equal(1, a[1]);
        Assert.Equal(Math.Exp(Math.Log(0.001) + (0.125 * (Math.Log(1) - Math.Log(0.001)))), a[2], 12);
    }

    [Fact]
    public void Create_Parameters_ResolvesDefaultsAndRejectsUnknownNames()
    {
        Assert.Equal(new TunasOptions(), TunasController.Create(Toy, new Dictionary<string, string>(), 1).Options);
        Assert.Throws<ArgumentException>(() => TunasController.Create(Toy, new Dictionary<string, string> { ["lr"] = "1" }, 1));
    }
}
