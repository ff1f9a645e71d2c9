namespace NasOrleans.Storage.Tests;

/// <summary>The <see cref="IStrategyJournal"/> contract, on every store.</summary>
public abstract partial class TrialStoreContractTests
{
    private IStrategyJournal Journal => (IStrategyJournal)Store;

    [Fact]
    public async Task AppendStrategyEventsAsync_TwoCalls_ReadsBackEveryFieldInSequenceOrder()
    {
        StrategyJournalEvent[] events =
        [
            Proposed(1, 1, "0-1-2"),
            Proposed(2, 2, "2-1-0"),
            Observed(3, 2, "2-1-0", 0.1 + 0.2),
            Observed(4, 1, "0-1-2", null),
        ];

        await Journal.AppendStrategyEventsAsync("s", "population", events[..2]);
        await Journal.AppendStrategyEventsAsync("s", "population", events[2..]);

        Assert.Equal(events, await Journal.GetStrategyEventsAsync("s", "population", 0));
        Assert.Equal(events[3..], await Journal.GetStrategyEventsAsync("s", "population", 3));
        Assert.Empty(await Journal.GetStrategyEventsAsync("s", "population", 4));
        Assert.Empty(await Journal.GetStrategyEventsAsync("s", "controller/default", 0));
        Assert.Empty(await Journal.GetStrategyEventsAsync("other", "population", 0));
    }

    [Fact]
    public async Task AppendStrategyEventsAsync_RetriedWithStoredSequences_AddsOnlyTheNewOnes()
    {
        await Journal.AppendStrategyEventsAsync("s", "population", [Proposed(1, 1, "a"), Proposed(2, 2, "b")]);

        await Journal.AppendStrategyEventsAsync("s", "population", [Proposed(2, 2, "b"), Proposed(3, 3, "c")]);

        Assert.Equal([1L, 2L, 3L], (await Journal.GetStrategyEventsAsync("s", "population", 0)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task AppendStrategyEventsAsync_SequencesNotIncreasing_ThrowsAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.AppendStrategyEventsAsync("s", "population", [Proposed(2, 1, "a"), Proposed(1, 2, "b")]));

        Assert.Empty(await Journal.GetStrategyEventsAsync("s", "population", 0));
    }

    [Fact]
    public async Task SaveStrategySnapshotAsync_NewerThenOlder_KeepsTheNewer()
    {
        Assert.Null(await Journal.GetStrategySnapshotAsync("s", "population"));

        await Journal.SaveStrategySnapshotAsync("s", "population", new StrategySnapshot(64, "{\"at\":64}"));
        await Journal.SaveStrategySnapshotAsync("s", "population", new StrategySnapshot(128, "{\"at\":128}"));
        await Journal.SaveStrategySnapshotAsync("s", "population", new StrategySnapshot(100, "{\"at\":100}"));

        Assert.Equal(new StrategySnapshot(128, "{\"at\":128}"), await Journal.GetStrategySnapshotAsync("s", "population"));
        Assert.Null(await Journal.GetStrategySnapshotAsync("s", "controller/default"));
    }

    [Fact]
    public async Task DeleteStrategyJournalAsync_OneStrategy_DeletesItsEventsAndSnapshotOnly()
    {
        foreach (var strategy in new[] { "controller/a", "controller/b" })
        {
            await Journal.AppendStrategyEventsAsync("s", strategy, [Proposed(1, 1, "a")]);
            await Journal.SaveStrategySnapshotAsync("s", strategy, new StrategySnapshot(1, "{}"));
        }

        await Journal.DeleteStrategyJournalAsync("s", "controller/a");

        Assert.Empty(await Journal.GetStrategyEventsAsync("s", "controller/a", 0));
        Assert.Null(await Journal.GetStrategySnapshotAsync("s", "controller/a"));
        Assert.Single(await Journal.GetStrategyEventsAsync("s", "controller/b", 0));
        Assert.NotNull(await Journal.GetStrategySnapshotAsync("s", "controller/b"));
    }

    [Fact]
    public async Task DeleteStudyAsync_WithStrategyJournals_DeletesEventsAndSnapshotsOfThatStudy()
    {
        foreach (var study in new[] { "gone", "kept" })
        {
            await Journal.AppendStrategyEventsAsync(study, "population", [Proposed(1, 1, "a"), Observed(2, 1, "a", 0.5)]);
            await Journal.SaveStrategySnapshotAsync(study, "population", new StrategySnapshot(2, "{}"));
        }

        await Store.DeleteStudyAsync("gone");

        Assert.Empty(await Journal.GetStrategyEventsAsync("gone", "population", 0));
        Assert.Null(await Journal.GetStrategySnapshotAsync("gone", "population"));
        Assert.Equal(2, (await Journal.GetStrategyEventsAsync("kept", "population", 0)).Count);
        Assert.NotNull(await Journal.GetStrategySnapshotAsync("kept", "population"));
    }

    private static StrategyJournalEvent Proposed(long sequence, long trial, string key) =>
        new() { Sequence = sequence, Kind = StrategyEventKind.Proposed, TrialId = trial, ArchitectureKey = key };

    private static StrategyJournalEvent Observed(long sequence, long trial, string key, double? score) =>
        new() { Sequence = sequence, Kind = StrategyEventKind.Observed, TrialId = trial, ArchitectureKey = key, Score = score };
}
