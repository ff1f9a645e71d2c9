using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class LocalSearchTests
{
    private static LocalSearch Create(ulong seed, int start = 1, int restart = 1) => new(Nb201Space.Instance, start, restart, seed);

    [Fact]
    public void Propose_SameSeed_GivesSameSequence() =>
        Assert.Equal(StrategyTestHelpers.Drive(Create(3), 150), StrategyTestHelpers.Drive(Create(3), 150));

    [Fact]
    public void Propose_DifferentSeeds_GiveDifferentSequences() =>
        Assert.NotEqual(StrategyTestHelpers.Drive(Create(3), 40), StrategyTestHelpers.Drive(Create(4), 40));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(60)]
    public void RestoreState_MidRun_ContinuesLikeUninterruptedRun(int cut)
    {
        var uninterrupted = StrategyTestHelpers.Drive(Create(8, start: 5), 120);

        var first = Create(8, start: 5);
        var before = StrategyTestHelpers.Drive(first, cut);
        var restored = Create(999, start: 5);
        restored.RestoreState(first.SaveState());
        var after = StrategyTestHelpers.Drive(restored, 120 - cut);

        Assert.Equal(uninterrupted, before.Concat(after));
    }

    [Fact]
    public void RestoreState_WithProposalsOutstanding_ContinuesLikeUninterruptedRun()
    {
        var uninterrupted = new OutstandingDriver(4).Run(Create(5), 90).Proposed;

        var first = Create(5);
        var driver = new OutstandingDriver(4).Run(first, 33);
        var restored = Create(6);
        restored.RestoreState(first.SaveState());
        driver.Run(restored, 57);

        Assert.Equal(uninterrupted, driver.Proposed);
    }

    [Fact]
    public void Propose_SequentialRun_NeverProposesAnEquivalentArchitectureTwice()
    {
        var space = Nb201Space.Instance;
        var keys = StrategyTestHelpers.Drive(Create(12), 400).Select(k => space.CanonicalKey(Architecture.FromKey(k))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Propose_AdditiveScore_ClimbsToTheGlobalOptimum()
    {
        // Every edge scores best with its last operation, so one-decision moves lead to the optimum from anywhere.
        var strategy = Create(2);
        var proposals = StrategyTestHelpers.Drive(strategy, 150).Select(Architecture.FromKey).ToList();
        Assert.Contains(proposals, p => p.Values.All(v => v == 4));
    }

    [Fact]
    public void Propose_AfterFirstObservation_ProposesNeighboursOfTheIncumbentUntilItImproves()
    {
        var strategy = Create(9);
        var start = strategy.Propose();
        strategy.Observe(start, 0);
        var incumbent = start;
        for (var i = 0; i < 60; i++)
        {
            var proposal = strategy.Propose();
            Assert.Equal(1, StrategyTestHelpers.Differences(incumbent, proposal));
            var score = StrategyTestHelpers.Score(proposal) - StrategyTestHelpers.Score(start);
            strategy.Observe(proposal, score);
            if (score > StrategyTestHelpers.Score(incumbent) - StrategyTestHelpers.Score(start))
            {
                incumbent = proposal;
            }

            if (incumbent.Values.All(v => v == 4))
            {
                return;
            }
        }

        Assert.Fail("The climb did not reach the optimum of an additive score.");
    }

    [Fact]
    public void Propose_AtALocalOptimum_RestartsAfterEveryNeighbourIsEvaluated()
    {
        var space = new SearchSpace("custom", [Decision.Categorical("a", ["x", "y", "z"]), Decision.Categorical("b", ["x", "y", "z"])]);
        var strategy = new LocalSearch(space, 1, 1, 4);
        var peak = new Architecture([1.0, 1.0]);
        double Score(Architecture a) => a.Equals(peak) ? 10 : a[0] + a[1] == 2 ? 5 : 0;
        var keys = new List<string>();
        for (var i = 0; i < 9 && strategy.Restarts == 0; i++)
        {
            var proposal = strategy.Propose();
            strategy.Observe(proposal, Score(proposal));
            keys.Add(proposal.Key);
        }

        Assert.Equal(1, strategy.Restarts);
        Assert.Contains(peak.Key, keys);
    }

    [Fact]
    public void Observe_OutOfOrderWithSeveralOutstanding_KeepsProposalsDistinctAndReachesTheOptimum()
    {
        var space = Nb201Space.Instance;
        var driver = new OutstandingDriver(5).Run(Create(21), 200);
        var keys = driver.Proposed.Select(k => space.CanonicalKey(Architecture.FromKey(k))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Contains(driver.Proposed, k => Architecture.FromKey(k).Values.All(v => v == 4));
    }

    [Fact]
    public void Observe_FailedTrial_NeverBecomesTheIncumbent()
    {
        var strategy = Create(4);
        var first = strategy.Propose();
        strategy.Observe(first, null);
        var second = strategy.Propose();
        Assert.NotEqual(first, second);
        strategy.Observe(second, 1);
        Assert.Equal(1, StrategyTestHelpers.Differences(second, strategy.Propose()));
    }

    [Fact]
    public void Create_FromCatalogWithDefaults_MatchesConstructor()
    {
        var descriptor = StrategyCatalog.Find(LocalSearch.Name)!;
        Assert.All(descriptor.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        var fromCatalog = StrategyCatalog.Create(LocalSearch.Name, Nb201Space.Instance, null, 9);
        var defaults = new ResolvedParameters(descriptor.Parameters, null);
        var direct = Create(9, defaults.GetInt("start_samples"), defaults.GetInt("restart_samples"));
        Assert.Equal(StrategyTestHelpers.Drive(direct, 80), StrategyTestHelpers.Drive(fromCatalog, 80));
    }
}
