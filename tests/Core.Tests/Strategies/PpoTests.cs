using System.Text.Json;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class PpoTests
{
    private static Ppo Create(ulong seed, double learningRate = 0.05, int batch = 5, int epochs = 4) =>
        new(Nb201Space.Instance, new PolicyGradientOptions(learningRate, 0.95, 0, 8, RewardShaping.None), new PpoOptions(0.2, epochs, batch), seed);

    [Fact]
    public void Propose_SameSeed_GivesSameSequence() =>
        Assert.Equal(StrategyTestHelpers.Drive(Create(3), 120), StrategyTestHelpers.Drive(Create(3), 120));

    [Theory]
    [InlineData(3)]
    [InlineData(42)]
    public void RestoreState_MidRun_ContinuesLikeUninterruptedRun(int cut)
    {
        var uninterrupted = StrategyTestHelpers.Drive(Create(8), 100);

        var first = Create(8);
        var before = StrategyTestHelpers.Drive(first, cut);
        var restored = Create(77);
        restored.RestoreState(first.SaveState());
        var after = StrategyTestHelpers.Drive(restored, 100 - cut);

        Assert.Equal(uninterrupted, before.Concat(after));
    }

    [Fact]
    public void RestoreState_WithProposalsOutstanding_ContinuesLikeUninterruptedRun()
    {
        var uninterrupted = new OutstandingDriver(6).Run(Create(5), 80).Proposed;

        var first = Create(5);
        var driver = new OutstandingDriver(6).Run(first, 27);
        var restored = Create(6);
        restored.RestoreState(first.SaveState());
        driver.Run(restored, 53);

        Assert.Equal(uninterrupted, driver.Proposed);
    }

    [Fact]
    public void Observe_AdditiveScore_ConcentratesThePolicyOnTheBestValues()
    {
        var strategy = Create(1);
        StrategyTestHelpers.Drive(strategy, 400);
        for (var edge = 0; edge < 6; edge++)
        {
            var p = strategy.Model.Probabilities(edge);
            Assert.Equal(4, p.ToList().IndexOf(p.Max()));
        }
    }

    [Fact]
    public void Observe_BufferFillsToBatchSize_ThenUpdatesAndEmpties()
    {
        var strategy = Create(2, batch: 3);
        for (var i = 0; i < 2; i++)
        {
            var a = strategy.Propose();
            strategy.Observe(a, StrategyTestHelpers.Score(a));
        }

        Assert.All(strategy.Model.Parameters, l => Assert.Equal(0, l));
        Assert.Equal(2, BufferCount(strategy.SaveState()));
        var third = strategy.Propose();
        strategy.Observe(third, StrategyTestHelpers.Score(third));
        Assert.Equal(0, BufferCount(strategy.SaveState()));
        Assert.Contains(strategy.Model.Parameters, l => l != 0);
    }

    [Fact]
    public void Observe_StaleSample_UsesTheLogProbabilityStoredAtProposalTime()
    {
        var strategy = Create(4, learningRate: 0.3, batch: 1, epochs: 1);
        var stale = strategy.Propose();
        var atProposal = strategy.Model.LogProb(stale);
        for (var i = 0; i < 30; i++)
        {
            var a = strategy.Propose();
            strategy.Observe(a, StrategyTestHelpers.Score(a));
        }

        Assert.NotEqual(atProposal, strategy.Model.LogProb(stale), 6);
        var before = JsonDocument.Parse(strategy.SaveState()).RootElement.GetProperty("Learner").GetProperty("Pending");
        Assert.Equal(atProposal, before.GetProperty(stale.Key)[0].GetDouble(), 12);
        strategy.Observe(stale, StrategyTestHelpers.Score(stale));
        var after = JsonDocument.Parse(strategy.SaveState()).RootElement.GetProperty("Learner").GetProperty("Pending");
        Assert.False(after.TryGetProperty(stale.Key, out _));
    }

    [Fact]
    public void Create_FromCatalog_DocumentsEveryParameterWithClip02()
    {
        var descriptor = StrategyCatalog.Find(Ppo.Name)!;
        Assert.Equal("0.2", descriptor.Parameters.Single(p => p.Name == "clip").Default);
        Assert.All(descriptor.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        Assert.Equal(descriptor.Parameters.Count, descriptor.Parameters.Select(p => p.Name).Distinct().Count());
        Assert.IsType<Ppo>(StrategyCatalog.Create(Ppo.Name, Nb201Space.Instance, null, 1));
    }

    private static int BufferCount(string state) => JsonDocument.Parse(state).RootElement.GetProperty("Buffer").GetArrayLength();
}
