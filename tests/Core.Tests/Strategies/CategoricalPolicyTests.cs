using NasOrleans.Core.Nb201;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class CategoricalPolicyTests
{
    private static SearchSpace Mixed() => new("custom",
    [
        Decision.Categorical("block", ["plain", "residual", "bottleneck"]),
        Decision.Integer("expansion", 2, 6, 2, new DecisionCondition("block", ["bottleneck"])),
        Decision.Float("lr", 1e-4, 1e-1, log: true),
        Decision.Integer("width", 1, 1000),
        Decision.Float("dropout", 0.0, 0.5),
    ]);

    [Fact]
    public void LayoutLabels_PerValueAndBinnedDecisions_MatchTheProbabilities()
    {
        var policy = new CategoricalPolicy(Mixed(), 4);

        Assert.Equal(["plain", "residual", "bottleneck"], policy.Layout.Labels(0));
        Assert.Equal(["2", "4", "6"], policy.Layout.Labels(1));
        Assert.Equal(["bin 1/4", "bin 2/4", "bin 3/4", "bin 4/4"], policy.Layout.Labels(2));
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(policy.Probabilities(i).Length, policy.Layout.Labels(i).Count));
    }

    [Fact]
    public void LogProb_UniformPolicy_IsMinusLogOfTheActiveChoices()
    {
        var policy = new CategoricalPolicy(Nb201Space.Instance, 8);
        var a = policy.Sample(new DeterministicRandom(1));
        Assert.Equal(6 * -Math.Log(5), policy.LogProb(a), 12);
    }

    [Fact]
    public void Sample_ConditionalSpace_SetsExactlyTheActiveDecisionsAndCountsOnlyThem()
    {
        var space = Mixed();
        var policy = new CategoricalPolicy(space, 4);
        var random = new DeterministicRandom(2);
        for (var i = 0; i < 300; i++)
        {
            var a = policy.Sample(random);
            var bottleneck = a[0] == 2;
            Assert.Equal(bottleneck, !double.IsNaN(a[1]));
            Assert.InRange(a[2], 1e-4, 1e-1);
            Assert.InRange(a[3], 1, 1000);
            Assert.Equal(a[3], Math.Round(a[3]));
            Assert.InRange(a[4], 0, 0.5);
            var expected = -Math.Log(3) - (bottleneck ? Math.Log(3) : 0) - (3 * Math.Log(4));
            Assert.Equal(expected, policy.LogProb(a), 10);
        }
    }

    [Fact]
    public void Sample_ZeroFloatBins_LeavesFloatsUnlearned()
    {
        var policy = new CategoricalPolicy(Mixed(), 0);
        Assert.Equal(3 + 3, policy.Logits.Length);
        var a = policy.Sample(new DeterministicRandom(3));
        Assert.Equal(-Math.Log(3) - (a[0] == 2 ? Math.Log(3) : 0), policy.LogProb(a), 10);
    }

    [Fact]
    public void Sample_BinnedDecisions_FallInTheBinTheirLogProbabilityCounts()
    {
        var space = Mixed();
        var policy = new CategoricalPolicy(space, 4);
        for (var bin = 0; bin < 4; bin++)
        {
            // Make one bin of the three binned decisions all but certain; every sample must land in it.
            Array.Clear(policy.Logits);
            foreach (var offset in new[] { 6, 10, 14 })
            {
                policy.Logits[offset + bin] = 30;
            }

            var random = new DeterministicRandom((ulong)bin);
            for (var i = 0; i < 50; i++)
            {
                var a = policy.Sample(random);
                Assert.True(policy.LogProb(a) > -Math.Log(3) - Math.Log(3) - 1e-6, $"bin {bin}: {a}");
            }
        }
    }

    [Fact]
    public void AddLogProbGradient_MatchesFiniteDifferences()
    {
        var policy = new CategoricalPolicy(Mixed(), 4);
        var random = new DeterministicRandom(5);
        for (var i = 0; i < policy.Logits.Length; i++)
        {
            policy.Logits[i] = random.NextGaussian();
        }

        var a = policy.Sample(random);
        var gradient = new double[policy.Logits.Length];
        policy.AddLogProbGradient(a, 1, gradient);
        AssertMatchesFiniteDifferences(policy, () => policy.LogProb(a), gradient);
    }

    [Fact]
    public void AddEntropyGradient_MatchesFiniteDifferences()
    {
        var policy = new CategoricalPolicy(Mixed(), 4);
        var random = new DeterministicRandom(6);
        for (var i = 0; i < policy.Logits.Length; i++)
        {
            policy.Logits[i] = random.NextGaussian();
        }

        var gradient = new double[policy.Logits.Length];
        policy.AddEntropyGradient(1, gradient);
        AssertMatchesFiniteDifferences(policy, policy.Entropy, gradient);
    }

    [Fact]
    public void SetLogits_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new CategoricalPolicy(Nb201Space.Instance, 8).SetLogits([1.0, 2.0]));

    private static void AssertMatchesFiniteDifferences(CategoricalPolicy policy, Func<double> f, double[] gradient)
    {
        const double h = 1e-6;
        for (var i = 0; i < policy.Logits.Length; i++)
        {
            var saved = policy.Logits[i];
            policy.Logits[i] = saved + h;
            var up = f();
            policy.Logits[i] = saved - h;
            var down = f();
            policy.Logits[i] = saved;
            Assert.Equal((up - down) / (2 * h), gradient[i], 5);
        }
    }
}
