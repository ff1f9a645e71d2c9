using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class RegularizedEvolutionTests
{
    private static RegularizedEvolution Create(ulong seed, int population = 10, int sample = 3) =>
        new(Nb201Space.Instance, population, sample, seed);

    [Fact]
    public void Propose_SameSeed_GivesSameSequence() =>
        Assert.Equal(StrategyTestHelpers.Drive(Create(21), 120), StrategyTestHelpers.Drive(Create(21), 120));

    [Fact]
    public void Propose_DifferentSeeds_GiveDifferentSequences() =>
        Assert.NotEqual(StrategyTestHelpers.Drive(Create(21), 40), StrategyTestHelpers.Drive(Create(22), 40));

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    public void RestoreState_MidRun_ContinuesLikeUninterruptedRun(int cut)
    {
        var uninterrupted = StrategyTestHelpers.Drive(Create(8), 80);

        var first = Create(8);
        var before = StrategyTestHelpers.Drive(first, cut);
        var restored = Create(12345);
        restored.RestoreState(first.SaveState());
        var after = StrategyTestHelpers.Drive(restored, 80 - cut);

        Assert.Equal(uninterrupted, before.Concat(after));
    }

    [Fact]
    public void Propose_AfterPopulationFills_MutatesOneDecisionOfAMember()
    {
        var strategy = Create(4);
        var population = new Queue<Architecture>();
        for (var i = 0; i < 200; i++)
        {
            var proposal = strategy.Propose();
            if (i >= 10)
            {
                Assert.Contains(population, member => StrategyTestHelpers.Differences(member, proposal) == 1);
            }

            strategy.Observe(proposal, StrategyTestHelpers.Score(proposal));
            population.Enqueue(proposal);
            if (population.Count > 10)
            {
                population.Dequeue();
            }
        }
    }

    [Fact]
    public void Propose_LargeTournament_MutatesTheBestMember()
    {
        // Drawing 1,000 of 10 members with replacement picks the best one (all but surely).
        var strategy = Create(6, population: 10, sample: 1000);
        var population = new Queue<Architecture>();
        for (var i = 0; i < 60; i++)
        {
            var proposal = strategy.Propose();
            if (i >= 10)
            {
                var best = population.MaxBy(StrategyTestHelpers.Score)!;
                Assert.Equal(1, StrategyTestHelpers.Differences(best, proposal));
            }

            strategy.Observe(proposal, StrategyTestHelpers.Score(proposal));
            population.Enqueue(proposal);
            if (population.Count > 10)
            {
                population.Dequeue();
            }
        }
    }

    [Fact]
    public void Observe_FailedTrial_DoesNotJoinPopulation()
    {
        var strategy = Create(2, population: 2, sample: 1);
        var kept = strategy.Propose();
        strategy.Observe(kept, 1.0);
        var failed = strategy.Propose();
        strategy.Observe(failed, null);
        var state = strategy.SaveState();
        Assert.Contains(kept.Key, state, StringComparison.Ordinal);
        Assert.DoesNotContain(failed.Key, state, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FromCatalogWithDefaults_UsesPopulation10Sample3()
    {
        var descriptor = StrategyCatalog.Find(RegularizedEvolution.Name)!;
        Assert.Equal("10", descriptor.Parameters.Single(p => p.Name == "population_size").Default);
        Assert.Equal("3", descriptor.Parameters.Single(p => p.Name == "sample_size").Default);
        var fromCatalog = StrategyCatalog.Create(RegularizedEvolution.Name, Nb201Space.Instance, null, 9);
        Assert.Equal(StrategyTestHelpers.Drive(Create(9), 50), StrategyTestHelpers.Drive(fromCatalog, 50));
    }

    [Fact]
    public void Create_BadParameter_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            StrategyCatalog.Create(RegularizedEvolution.Name, Nb201Space.Instance, new Dictionary<string, string> { ["population_size"] = "1" }, 1));
        Assert.Contains("population_size", error.Message, StringComparison.Ordinal);
    }
}
