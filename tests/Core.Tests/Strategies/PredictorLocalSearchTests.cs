using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class PredictorLocalSearchTests
{
    private static readonly Dictionary<string, string> Small = new() { ["initial_samples"] = "8", ["candidates"] = "300" };

    private static ISearchStrategy Create(ulong seed, Dictionary<string, string>? parameters = null) =>
        StrategyCatalog.Create(PredictorLocalSearch.Name, Nb201Space.Instance, parameters ?? Small, seed);

    [Fact]
    public void Propose_SameSeed_GivesSameSequence() =>
        Assert.Equal(StrategyTestHelpers.Drive(Create(3), 80), StrategyTestHelpers.Drive(Create(3), 80));

    [Theory]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(40)]
    public void RestoreState_MidRun_ContinuesLikeUninterruptedRun(int cut)
    {
        var uninterrupted = StrategyTestHelpers.Drive(Create(8), 70);

        var first = Create(8);
        var before = StrategyTestHelpers.Drive(first, cut);
        var restored = Create(999);
        restored.RestoreState(first.SaveState());
        var after = StrategyTestHelpers.Drive(restored, 70 - cut);

        Assert.Equal(uninterrupted, before.Concat(after));
    }

    [Fact]
    public void RestoreState_WithProposalsOutstanding_ContinuesLikeUninterruptedRun()
    {
        var uninterrupted = new OutstandingDriver(3).Run(Create(5), 60).Proposed;

        var first = Create(5);
        var driver = new OutstandingDriver(3).Run(first, 21);
        var restored = Create(6);
        restored.RestoreState(first.SaveState());
        driver.Run(restored, 39);

        Assert.Equal(uninterrupted, driver.Proposed);
    }

    [Fact]
    public void Propose_AdditiveScore_FindsTheOptimumSoonAfterTheInitialSamples()
    {
        var keys = StrategyTestHelpers.Drive(Create(2), 60);
        Assert.Contains(keys, k => Architecture.FromKey(k).Values.All(v => v == 4));
    }

    [Fact]
    public void Propose_WithSeveralOutstanding_NeverProposesAnEquivalentArchitectureTwice()
    {
        var space = Nb201Space.Instance;
        var keys = new OutstandingDriver(4).Run(Create(12), 150).Proposed.Select(k => space.CanonicalKey(Architecture.FromKey(k))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Create_FromCatalog_DocumentsEveryParameter()
    {
        var descriptor = StrategyCatalog.Find(PredictorLocalSearch.Name)!;
        Assert.All(descriptor.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        Assert.Equal(descriptor.Parameters.Count, descriptor.Parameters.Select(p => p.Name).Distinct().Count());
        Assert.IsType<PredictorLocalSearch>(StrategyCatalog.Create(PredictorLocalSearch.Name, Nb201Space.Instance, null, 1));
    }
}
