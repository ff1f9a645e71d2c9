using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class LayerNasTests
{
    // Cost = the sum of operation indices; feasible up to 14 of the 24 possible.
    private static readonly StrategyContext Budgeted = new(a => a.Values.Sum(), 14);

    private static LayerNas Create(ulong seed, StrategyContext? context = null) =>
        new(Nb201Space.Instance, new LayerNasOptions(8, 4, 2, 500, 8), seed, context ?? Budgeted);

    [Fact]
    public void Propose_WithCostLimit_NeverProposesAnInfeasibleArchitecture()
    {
        var keys = StrategyTestHelpers.Drive(Create(1), 150);
        Assert.All(keys, k => Assert.True(Architecture.FromKey(k).Values.Sum() <= 14, k));
    }

    [Fact]
    public void Propose_FirstLayer_VariesOnlyTheFirstDecisionOfEarlierCandidates()
    {
        var keys = StrategyTestHelpers.Drive(Create(2, StrategyContext.Empty), 14).Select(Architecture.FromKey).ToList();
        var initial = keys.Take(8).ToList();
        foreach (var child in keys.Skip(8))
        {
            Assert.Contains(initial, parent => StrategyTestHelpers.Differences(parent, child) == 1 && parent[0] != child[0]);
        }
    }

    [Fact]
    public void Propose_SequentialRun_NeverProposesAnEquivalentArchitectureTwice()
    {
        var space = Nb201Space.Instance;
        var keys = StrategyTestHelpers.Drive(Create(3), 200).Select(k => space.CanonicalKey(Architecture.FromKey(k))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Propose_AdditiveScoreUnderLimit_ComesWithinTenPercentOfTheBestFeasible()
    {
        // The best feasible cell (0,0,2,4,4,4: 66) needs cost moved from light edges to heavy ones, two decisions at
        // once at the limit; one-decision layers reach it only through cheaper buckets, so allow 10%.
        var best = AllCells().Where(a => a.Values.Sum() <= 14).Max(StrategyTestHelpers.Score);
        var found = StrategyTestHelpers.Drive(Create(4), 250).Select(Architecture.FromKey).Max(StrategyTestHelpers.Score);
        Assert.InRange(found, 0.9 * best, best);
    }

    [Fact]
    public void Propose_SameSeed_GivesSameSequence() =>
        Assert.Equal(StrategyTestHelpers.Drive(Create(5), 120), StrategyTestHelpers.Drive(Create(5), 120));

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(60)]
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
        var uninterrupted = new OutstandingDriver(3).Run(Create(5), 70).Proposed;

        var first = Create(5);
        var driver = new OutstandingDriver(3).Run(first, 19);
        var restored = Create(6);
        restored.RestoreState(first.SaveState());
        driver.Run(restored, 51);

        Assert.Equal(uninterrupted, driver.Proposed);
    }

    private static IEnumerable<Architecture> AllCells() =>
        Enumerable.Range(0, 15625).Select(i => new Architecture(Enumerable.Range(0, 6).Select(e => (double)(i / (int)Math.Pow(5, e) % 5))));
}
