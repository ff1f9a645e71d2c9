using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class NeuralPredictorSearchTests
{
    private static readonly Dictionary<string, string> Small = new() { ["initial_samples"] = "10", ["candidates"] = "400", ["top_k"] = "5" };

    private static ISearchStrategy Create(ulong seed, Dictionary<string, string>? parameters = null) =>
        StrategyCatalog.Create(NeuralPredictorSearch.Name, Nb201Space.Instance, parameters ?? Small, seed);

    [Fact]
    public void Propose_SameSeed_GivesSameSequence() =>
        Assert.Equal(StrategyTestHelpers.Drive(Create(3), 60), StrategyTestHelpers.Drive(Create(3), 60));

    [Theory]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(33)]
    public void RestoreState_MidRun_ContinuesLikeUninterruptedRun(int cut)
    {
        var uninterrupted = StrategyTestHelpers.Drive(Create(8), 60);

        var first = Create(8);
        var before = StrategyTestHelpers.Drive(first, cut);
        var restored = Create(999);
        restored.RestoreState(first.SaveState());
        var after = StrategyTestHelpers.Drive(restored, 60 - cut);

        Assert.Equal(uninterrupted, before.Concat(after));
    }

    [Fact]
    public void RestoreState_WithProposalsOutstanding_ContinuesLikeUninterruptedRun()
    {
        var uninterrupted = new OutstandingDriver(4).Run(Create(5), 50).Proposed;

        var first = Create(5);
        var driver = new OutstandingDriver(4).Run(first, 13);
        var restored = Create(6);
        restored.RestoreState(first.SaveState());
        driver.Run(restored, 37);

        Assert.Equal(uninterrupted, driver.Proposed);
    }

    [Fact]
    public void Propose_AfterInitialSamples_ProposesFarBetterThanRandom()
    {
        var keys = StrategyTestHelpers.Drive(Create(2), 40).Select(Architecture.FromKey).ToList();
        var random = keys.Take(10).Average(StrategyTestHelpers.Score);
        var guided = keys.Skip(10).Average(StrategyTestHelpers.Score);
        Assert.True(guided > random + 10, $"guided {guided:F1} vs random {random:F1}");
    }

    [Fact]
    public void Propose_WithSeveralOutstanding_NeverProposesAnEquivalentArchitectureTwice()
    {
        var space = Nb201Space.Instance;
        var keys = new OutstandingDriver(6).Run(Create(12), 120).Proposed.Select(k => space.CanonicalKey(Architecture.FromKey(k))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Create_FromCatalog_DocumentsEveryParameterWith20InitialSamples()
    {
        var descriptor = StrategyCatalog.Find(NeuralPredictorSearch.Name)!;
        Assert.Equal("20", descriptor.Parameters.Single(p => p.Name == "initial_samples").Default);
        Assert.Equal("5000", descriptor.Parameters.Single(p => p.Name == "candidates").Default);
        Assert.All(descriptor.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }
}
