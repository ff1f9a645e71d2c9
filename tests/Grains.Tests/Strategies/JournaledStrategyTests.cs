using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Population;
using NasOrleans.Grains.Strategies;
using NasOrleans.Storage;

namespace NasOrleans.Grains.Tests.Strategies;

public class JournaledStrategyTests
{
    private static readonly SearchSpace Space = SpaceCatalog.Create(new StudySpecBuilder("journal")
        .Maximize("validation_accuracy")
        .AddCategorical("a", ["0", "1", "2", "3", "4"])
        .AddCategorical("b", ["0", "1", "2", "3", "4"])
        .AddCategorical("c", ["0", "1", "2", "3", "4"])
        .WithAlgorithm("local-search", seed: 3)
        .WithTrainer("synthetic")
        .WithBudget(10)
        .Build()
        .Space);

    private static ISearchStrategy Fresh(string algorithm) => algorithm switch
    {
        LocalSearch.Name => new LocalSearch(Space, 5, 1, 11),
        _ => new RegularizedEvolution(Space, 6, 3, 11),
    };

    [Theory]
    [InlineData(LocalSearch.Name, 30)]
    [InlineData(LocalSearch.Name, 77)]
    [InlineData(RegularizedEvolution.Name, 41)]
    public void Replay_SnapshotPlusTail_GivesTheSameStateAsFullReplay(string algorithm, int snapshotAt)
    {
        var live = new JournaledStrategy(Fresh(algorithm));
        var journal = new List<StrategyJournalEvent>();
        StrategySnapshot? snapshot = null;
        for (long first = 1; first <= 60; first += 3)
        {
            var proposals = live.Propose(first, 3, journal);
            live.Observe([.. proposals.Reverse().Select(p => new Observation(p.TrialId, p.ArchitectureKey, p.TrialId % 7 == 0 ? null : Score(p.ArchitectureKey)))], journal);
            if (snapshot is null && journal.Count >= snapshotAt)
            {
                snapshot = live.SaveSnapshot();
            }
        }

        _ = live.Propose(61, 2, journal);
        Assert.NotNull(snapshot);

        var full = new JournaledStrategy(Fresh(algorithm));
        Assert.All(journal, e => Assert.Null(full.Replay(e)));
        var restored = JournaledStrategy.Restore(Fresh(algorithm), snapshot);
        Assert.All(journal.Where(e => e.Sequence > snapshot.Sequence), e => Assert.Null(restored.Replay(e)));

        foreach (var replayed in new[] { full, restored })
        {
            Assert.Equal(live.Strategy.SaveState(), replayed.Strategy.SaveState());
            Assert.Equal(live.Sequence, replayed.Sequence);
            Assert.Equal(live.NextTrialId, replayed.NextTrialId);
            Assert.Equal(live.Pending, replayed.Pending);
            Assert.Equal(live.ObservedCount, replayed.ObservedCount);
        }

        Assert.Equal(live.Propose(61, 6, []), restored.Propose(61, 6, []));
    }

    [Fact]
    public void ProposeAndObserve_RepeatedIds_AnswerAsBeforeAndJournalNothing()
    {
        var strategy = new JournaledStrategy(Fresh(LocalSearch.Name));
        var journal = new List<StrategyJournalEvent>();
        var proposals = strategy.Propose(1, 4, journal);
        var observations = proposals.Select(p => new Observation(p.TrialId, p.ArchitectureKey, 1.0)).ToList();
        strategy.Observe(observations.Take(2).ToList(), journal);
        Assert.Equal(6, journal.Count);

        var again = strategy.Propose(1, 4, journal);
        strategy.Observe([observations[0], observations[1], observations[1]], journal);

        Assert.Equal(proposals.Skip(2), again);
        Assert.Equal(6, journal.Count);
        Assert.Equal(2, strategy.ObservedCount);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), journal.Select(e => e.Sequence));
    }

    [Fact]
    public void Propose_ObservedIdOfAStrategyThatReplays_AnswersTheSameProposalAfterASnapshotToo()
    {
        var tunas = () => new NasOrleans.Core.WeightSharing.TunasStrategy("tunas", Space, new NasOrleans.Core.WeightSharing.TunasOptions(), 10, 7);
        var strategy = new JournaledStrategy(tunas());
        var journal = new List<StrategyJournalEvent>();
        var proposals = strategy.Propose(1, 4, journal);
        strategy.Observe([.. proposals.Take(3).Select(p => new Observation(p.TrialId, p.ArchitectureKey, 0.5))], journal);

        var restored = JournaledStrategy.Restore(tunas(), strategy.SaveSnapshot());

        Assert.Equal(proposals, strategy.Propose(1, 4, []));
        Assert.Equal(proposals, restored.Propose(1, 4, []));
        // A strategy that does not replay leaves observed ids out (ProposeAndObserve_RepeatedIds_AnswerAsBeforeAndJournalNothing).
    }

    [Fact]
    public void Replay_EventOutOfSequence_Throws()
    {
        var strategy = new JournaledStrategy(Fresh(LocalSearch.Name));
        var gap = new StrategyJournalEvent { Sequence = 2, Kind = StrategyEventKind.Proposed, TrialId = 1, ArchitectureKey = "0,0,0" };

        var error = Assert.Throws<InvalidOperationException>(() => strategy.Replay(gap));

        Assert.Contains("gap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_ProposalTheStrategyWouldNotMake_KeepsTheJournaledKeyAndReportsTheOther()
    {
        var strategy = new JournaledStrategy(Fresh(LocalSearch.Name));
        var expected = new JournaledStrategy(Fresh(LocalSearch.Name)).Propose(1, 1, [])[0].ArchitectureKey;
        var other = expected == "0,0,0" ? "1,1,1" : "0,0,0";

        var replayed = strategy.Replay(new StrategyJournalEvent { Sequence = 1, Kind = StrategyEventKind.Proposed, TrialId = 1, ArchitectureKey = other });

        Assert.Equal(expected, replayed);
        Assert.Equal(other, strategy.Pending[1]);
        Assert.Equal(2, strategy.NextTrialId);
    }

    [Fact]
    public void FromLegacy_WholeStateOfAnEarlierBuild_ContinuesAsTheStrategyItWasSavedFrom()
    {
        var live = new JournaledStrategy(Fresh(LocalSearch.Name));
        var proposals = live.Propose(1, 6, []);
        live.Observe([.. proposals.Take(4).Select(p => new Observation(p.TrialId, p.ArchitectureKey, Score(p.ArchitectureKey)))], []);
        var legacy = new PopulationState
        {
            SpecJson = "{}",
            StrategyState = live.Strategy.SaveState(),
            NextTrialId = live.NextTrialId,
            Pending = new(live.Pending),
            Observed = new TrialIdSet(),
        };
        foreach (var p in proposals.Take(4))
        {
            legacy.Observed.Add(p.TrialId);
        }

        var migrated = JournaledStrategy.FromLegacy(Fresh(LocalSearch.Name), legacy);

        Assert.Equal(0, migrated.Sequence);
        Assert.Equal(4, migrated.ObservedCount);
        Assert.Equal(live.Pending, migrated.Pending);
        Assert.Equal(live.Propose(1, 12, []), migrated.Propose(1, 12, []));
    }

    internal static double Score(string key) => key.Aggregate(17, (h, c) => unchecked((h * 31) + c)) % 1000 / 10.0;
}
