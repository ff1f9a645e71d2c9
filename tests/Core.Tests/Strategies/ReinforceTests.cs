using System.Text.Json;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class ReinforceTests
{
    private static PolicyGradientOptions Options(double learningRate = 0.01, double entropy = 0) =>
        new(learningRate, 0.95, entropy, 8, RewardShaping.None);

    private static Reinforce Create(ulong seed, double learningRate = 0.01) => new(Nb201Space.Instance, Options(learningRate), seed);

    [Fact]
    public void Propose_SameSeed_GivesSameSequence() =>
        Assert.Equal(StrategyTestHelpers.Drive(Create(3), 120), StrategyTestHelpers.Drive(Create(3), 120));

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void RestoreState_MidRun_ContinuesLikeUninterruptedRun(int cut)
    {
        var uninterrupted = StrategyTestHelpers.Drive(Create(8, 0.1), 100);

        var first = Create(8, 0.1);
        var before = StrategyTestHelpers.Drive(first, cut);
        var restored = Create(77, 0.1);
        restored.RestoreState(first.SaveState());
        var after = StrategyTestHelpers.Drive(restored, 100 - cut);

        Assert.Equal(uninterrupted, before.Concat(after));
        Assert.Equal(first.Model.Parameters.Count, restored.Model.Parameters.Count);
    }

    [Fact]
    public void RestoreState_WithProposalsOutstanding_ContinuesLikeUninterruptedRun()
    {
        var uninterrupted = new OutstandingDriver(4).Run(Create(5, 0.1), 80).Proposed;

        var first = Create(5, 0.1);
        var driver = new OutstandingDriver(4).Run(first, 30);
        var restored = Create(6, 0.1);
        restored.RestoreState(first.SaveState());
        driver.Run(restored, 50);

        Assert.Equal(uninterrupted, driver.Proposed);
    }

    [Fact]
    public void Observe_AdditiveScore_ConcentratesThePolicyOnTheBestValues()
    {
        // The made-up score weighs edge i by i + 1: the heavier edges (2 to 5) must be learned within 400 steps.
        var strategy = Create(1, 0.05);
        StrategyTestHelpers.Drive(strategy, 400);
        for (var edge = 2; edge < 6; edge++)
        {
            var p = strategy.Model.Probabilities(edge);
            Assert.Equal(4, p.ToList().IndexOf(p.Max()));
            Assert.True(p[4] > 0.5, $"edge {edge}: p(best) = {p[4]:F3}");
        }
    }

    [Fact]
    public void Observe_OutOfOrder_ClosesEveryOutstandingRecord()
    {
        var strategy = Create(2);
        var proposals = Enumerable.Range(0, 6).Select(_ => strategy.Propose()).ToList();
        Assert.Equal(6, PendingCount(strategy.SaveState()));
        foreach (var p in proposals.AsEnumerable().Reverse())
        {
            strategy.Observe(p, StrategyTestHelpers.Score(p));
        }

        Assert.Equal(0, PendingCount(strategy.SaveState()));
    }

    [Fact]
    public void Observe_FailedTrial_LeavesThePolicyUnchanged()
    {
        var strategy = Create(2, 0.5);
        var proposal = strategy.Propose();
        strategy.Observe(proposal, null);
        Assert.All(strategy.Model.Parameters, l => Assert.Equal(0, l));
        Assert.Equal(0, PendingCount(strategy.SaveState()));
    }

    [Fact]
    public void Create_ShapingWithoutCostFunction_Throws()
    {
        var shaped = Options() with { Shaping = new RewardShaping("mnas", 10, -0.07) };
        var error = Assert.Throws<ArgumentException>(() => new Reinforce(Nb201Space.Instance, shaped, 1));
        Assert.Contains("cost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_TunasShapingWithCost_PrefersArchitecturesNearTheTarget()
    {
        // Cost = number of edges holding operation 0; the target is 6 (all of them), and accuracy is flat.
        static double Cost(Architecture a) => 1 + a.Values.Count(v => v == 0);
        var shaped = Options(0.05) with { Shaping = new RewardShaping("tunas", 7, -10) };
        var strategy = new Reinforce(Nb201Space.Instance, shaped, 3, Cost);
        for (var i = 0; i < 300; i++)
        {
            var a = strategy.Propose();
            strategy.Observe(a, 1.0);
        }

        Assert.All(Enumerable.Range(0, 6), edge => Assert.True(strategy.Model.Probabilities(edge)[0] > 0.5));
    }

    [Fact]
    public void Create_FromCatalogWithDefaults_UsesLearningRate001AndDocumentsEveryParameter()
    {
        var descriptor = StrategyCatalog.Find(Reinforce.Name)!;
        Assert.Equal("0.01", descriptor.Parameters.Single(p => p.Name == "learning_rate").Default);
        Assert.Equal("0.95", descriptor.Parameters.Single(p => p.Name == "baseline_decay").Default);
        Assert.All(descriptor.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        var fromCatalog = StrategyCatalog.Create(Reinforce.Name, Nb201Space.Instance, null, 9);
        Assert.Equal(StrategyTestHelpers.Drive(Create(9), 60), StrategyTestHelpers.Drive(fromCatalog, 60));
    }

    private static int PendingCount(string state) =>
        JsonDocument.Parse(state).RootElement.GetProperty("Pending").EnumerateObject().Sum(p => p.Value.GetArrayLength());
}
