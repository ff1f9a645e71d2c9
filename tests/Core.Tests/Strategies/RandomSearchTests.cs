using NasOrleans.Core.Nb201;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class RandomSearchTests
{
    [Fact]
    public void Propose_SameSeed_GivesSameSequence()
    {
        var a = StrategyTestHelpers.Drive(new RandomSearch(Nb201Space.Instance, 11), 100);
        var b = StrategyTestHelpers.Drive(new RandomSearch(Nb201Space.Instance, 11), 100);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Propose_DifferentSeeds_GiveDifferentSequences()
    {
        var a = StrategyTestHelpers.Drive(new RandomSearch(Nb201Space.Instance, 11), 50);
        var b = StrategyTestHelpers.Drive(new RandomSearch(Nb201Space.Instance, 12), 50);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void RestoreState_MidRun_ContinuesLikeUninterruptedRun()
    {
        var uninterrupted = StrategyTestHelpers.Drive(new RandomSearch(Nb201Space.Instance, 5), 60);

        var first = new RandomSearch(Nb201Space.Instance, 5);
        var before = StrategyTestHelpers.Drive(first, 25);
        var restored = new RandomSearch(Nb201Space.Instance, 999);
        restored.RestoreState(first.SaveState());
        var after = StrategyTestHelpers.Drive(restored, 35);

        Assert.Equal(uninterrupted, before.Concat(after));
    }

    [Fact]
    public void Propose_ManySamples_CoverEveryOperationOnEveryEdge()
    {
        var strategy = new RandomSearch(Nb201Space.Instance, 3);
        var proposals = Enumerable.Range(0, 2000).Select(_ => strategy.Propose()).ToList();
        for (var edge = 0; edge < Nb201Space.Edges.Count; edge++)
        {
            var counts = proposals.GroupBy(p => p[edge]).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(5, counts.Count);
            Assert.All(counts.Values, c => Assert.InRange(c, 300, 500));
        }
    }

    [Fact]
    public void Create_FromCatalog_IsRandomSearch()
    {
        var strategy = StrategyCatalog.Create(RandomSearch.Name, Nb201Space.Instance, null, 1);
        Assert.Equal(RandomSearch.Name, strategy.Algorithm);
        Assert.IsType<RandomSearch>(strategy);
    }
}
