using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Strategies;
using NasOrleans.Storage;
using Orleans.Core.Internal;

namespace NasOrleans.Grains.Tests.Strategies;

[Collection(ClusterCollection.Name)]
public class StrategyGrainJournalTests(ClusterFixture fixture)
{
    private static string Spec(string name) => StudySpecJson.Serialize(new StudySpecBuilder(name)
        .Maximize("validation_accuracy")
        .AddCategorical("a", ["0", "1", "2", "3", "4", "5"])
        .AddCategorical("b", ["0", "1", "2", "3", "4", "5"])
        .AddCategorical("c", ["0", "1", "2", "3", "4", "5"])
        .AddCategorical("d", ["0", "1", "2", "3", "4", "5"])
        .WithAlgorithm("local-search", seed: 9)
        .WithTrainer("synthetic")
        .WithBudget(1000, 4)
        .Build());

    // Strategy grains live on the control silo, whose in-memory store holds their journals.
    private IStrategyJournal Journal()
    {
        var control = fixture.Cluster.Silos.Single(s => s.Name == fixture.ControlSiloName);
        return fixture.Cluster.GetSiloServiceProvider(control.SiloAddress).GetRequiredService<IStrategyJournal>();
    }

    private IPopulationGrain Population(string study) => fixture.Client.GetGrain<IPopulationGrain>(study);

    private static async Task<IReadOnlyList<Proposal>> RoundAsync(IPopulationGrain grain, long first)
    {
        var proposals = await grain.ProposeAsync(first, 4);
        await grain.ObserveAsync([.. proposals.Reverse().Select(p => new Observation(p.TrialId, p.ArchitectureKey, p.TrialId % 9 == 0 ? null : JournaledStrategyTests.Score(p.ArchitectureKey)))]);
        return proposals;
    }

    [Fact]
    public async Task PopulationGrain_DeactivatedAndReactivatedMidStudy_ContinuesWithTheSameProposals()
    {
        var restarted = Population("journal-restarted");
        var reference = Population("journal-reference");
        await restarted.InitializeAsync(Spec("journal-restarted"));
        await reference.InitializeAsync(Spec("journal-reference"));
        long next = 1;
        for (var round = 0; round < 25; round++, next += 4)
        {
            Assert.Equal(await RoundAsync(reference, next), await RoundAsync(restarted, next));
        }

        // 200 events: a snapshot at 128 and a tail of 72 to replay.
        Assert.Equal(128, (await Journal().GetStrategySnapshotAsync("journal-restarted", "population"))!.Sequence);
        foreach (var restart in new[] { 0, 1 })
        {
            await restarted.Cast<IGrainManagementExtension>().DeactivateOnIdle();
            await WaitUntilInactiveAsync(restarted);
            Assert.Equal(await reference.GetObservedCountAsync(), await restarted.GetObservedCountAsync());
            for (var round = 0; round < 10 + restart; round++, next += 4)
            {
                Assert.Equal(await RoundAsync(reference, next), await RoundAsync(restarted, next));
            }
        }

        Assert.Equal(next - 1, await restarted.GetObservedCountAsync());
    }

    [Fact]
    public async Task ProposeAsync_RepeatedAfterReactivation_AnswersTheJournaledProposalsAndAppendsNothing()
    {
        var grain = Population("journal-crash");
        await grain.InitializeAsync(Spec("journal-crash"));
        await RoundAsync(grain, 1);
        var proposed = await grain.ProposeAsync(5, 4);
        await grain.ObserveAsync([new Observation(5, proposed[0].ArchitectureKey, 50)]);

        // As after a crash between the journal write and the reply: a new activation gets the same calls again.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await WaitUntilInactiveAsync(grain);
        var before = (await Journal().GetStrategyEventsAsync("journal-crash", "population", 0)).Count;
        var again = await grain.ProposeAsync(5, 4);
        await grain.ObserveAsync([new Observation(5, proposed[0].ArchitectureKey, 50)]);

        Assert.Equal(proposed.Skip(1), again);
        Assert.Equal(13, before);
        Assert.Equal(before, (await Journal().GetStrategyEventsAsync("journal-crash", "population", 0)).Count);
        Assert.Equal(5, await grain.GetObservedCountAsync());
    }

    [Fact]
    public async Task ObserveAsync_EarlyAndLateInAStudy_AppendsOneSmallRowPerNewTrial()
    {
        var grain = Population("journal-size");
        await grain.InitializeAsync(Spec("journal-size"));
        var journal = Journal();
        var appended = new List<(int Rows, int Bytes)>();
        long next = 1;
        for (var round = 0; round < 300; round++, next += 4)
        {
            var proposals = await grain.ProposeAsync(next, 4);
            var last = (await journal.GetStrategyEventsAsync("journal-size", "population", 0)).Count;
            await grain.ObserveAsync([.. proposals.Select(p => new Observation(p.TrialId, p.ArchitectureKey, JournaledStrategyTests.Score(p.ArchitectureKey)))]);
            var rows = await journal.GetStrategyEventsAsync("journal-size", "population", last);
            appended.Add((rows.Count, rows.Sum(r => r.ArchitectureKey.Length + sizeof(long) * 3 + sizeof(double))));
        }

        Assert.All(appended, a => Assert.Equal(4, a.Rows));
        Assert.Equal(appended.Take(10).Max(a => a.Bytes), appended.TakeLast(10).Max(a => a.Bytes));
        // 2,400 events: snapshots only at powers of two from 64, so the latest covers 2,048.
        Assert.Equal(2048, (await journal.GetStrategySnapshotAsync("journal-size", "population"))!.Sequence);
    }

    [Fact]
    public async Task ClearAsync_AfterTrials_DeletesTheJournalAndSnapshot()
    {
        var grain = Population("journal-clear");
        await grain.InitializeAsync(Spec("journal-clear"));
        for (long next = 1; next <= 80; next += 4)
        {
            await RoundAsync(grain, next);
        }

        await grain.ClearAsync();

        Assert.Empty(await Journal().GetStrategyEventsAsync("journal-clear", "population", 0));
        Assert.Null(await Journal().GetStrategySnapshotAsync("journal-clear", "population"));
        Assert.Equal(0, await grain.GetObservedCountAsync());
        await grain.InitializeAsync(Spec("journal-clear"));
        Assert.Equal(1, (await grain.ProposeAsync(1, 1))[0].TrialId);
    }

    private async Task WaitUntilInactiveAsync(IGrain grain)
    {
        var id = grain.GetGrainId();
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await management.GetActiveGrains(id.Type)).Contains(id))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
