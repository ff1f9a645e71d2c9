using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class TabNasTests
{
    private static readonly PolicyGradientOptions Options = new(0.05, 0.95, 0, 8, RewardShaping.None);

    // Feasible when the last edge is not operation 4, the value the made-up score likes best there.
    private static readonly StrategyContext LastEdgeNot4 = new(a => a[5] == 4 ? 1 : 0, 0.5);

    private static TabNas Create(ulong seed, StrategyContext? context = null) =>
        new(Nb201Space.Instance, Options, new TabNasOptions(64, 10_000), seed, context ?? LastEdgeNot4);

    [Fact]
    public void Propose_WithCostLimit_NeverProposesAnInfeasibleArchitecture()
    {
        var strategy = Create(1);
        var keys = StrategyTestHelpers.Drive(strategy, 200);
        Assert.All(keys, k => Assert.NotEqual(4, Architecture.FromKey(k)[5]));
        Assert.True(strategy.Rejected > 0);
    }

    [Fact]
    public void Observe_WithCostLimit_LearnsTheBestFeasibleValue()
    {
        var strategy = Create(2);
        StrategyTestHelpers.Drive(strategy, 400);
        var p = strategy.Model.Probabilities(5);
        Assert.Equal(3, p.ToList().IndexOf(p.Take(4).Max()));
    }

    [Fact]
    public void Propose_WithoutCostFunction_IsReinforce()
    {
        var tabnas = Create(3, StrategyContext.Empty);
        var reinforce = new Reinforce(Nb201Space.Instance, Options, 3);
        Assert.Equal(StrategyTestHelpers.Drive(reinforce, 80), StrategyTestHelpers.Drive(tabnas, 80));
    }

    [Fact]
    public void Propose_SameSeed_GivesSameSequence() =>
        Assert.Equal(StrategyTestHelpers.Drive(Create(4), 100), StrategyTestHelpers.Drive(Create(4), 100));

    [Theory]
    [InlineData(2)]
    [InlineData(35)]
    public void RestoreState_MidRun_ContinuesLikeUninterruptedRun(int cut)
    {
        var uninterrupted = StrategyTestHelpers.Drive(Create(8), 80);

        var first = Create(8);
        var before = StrategyTestHelpers.Drive(first, cut);
        var restored = Create(77);
        restored.RestoreState(first.SaveState());
        var after = StrategyTestHelpers.Drive(restored, 80 - cut);

        Assert.Equal(uninterrupted, before.Concat(after));
    }

    [Fact]
    public void Create_FromCatalogWithContext_UsesTheCostLimit()
    {
        var strategy = StrategyCatalog.Create(TabNas.Name, Nb201Space.Instance, null, 5, LastEdgeNot4);
        Assert.True(StrategyCatalog.UsesContext(TabNas.Name));
        Assert.All(Enumerable.Range(0, 100), _ => Assert.NotEqual(4, strategy.Propose()[5]));
    }
}
