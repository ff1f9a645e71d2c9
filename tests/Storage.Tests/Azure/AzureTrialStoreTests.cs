using Azure.Data.Tables;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Azure;
using static NasOrleans.Storage.Tests.TestRecords;

namespace NasOrleans.Storage.Tests.Azure;

/// <summary>The store contract against <see cref="AzureTrialStore"/> on Azurite (a fresh prefix per test), plus what only Azure Tables can show.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureTrialStoreTests(AzuriteFixture fixture) : TrialStoreContractTests
{
    private readonly AzureStorageOptions _options = fixture.NewOptions();

    protected override Task<ITrialStore> CreateStoreAsync() => Task.FromResult<ITrialStore>(new AzureTrialStore(_options));

    [Fact]
    public async Task UpsertTrialsAsync_ThousandRowBatch_IsOneEntityPerTrialInTheStudysPartition()
    {
        await Store.UpsertTrialsAsync([.. Enumerable.Range(0, 1000).Select(i => Completed("s/1", i, i / 1000.0))]);

        var table = new TableServiceClient(fixture.Server.ConnectionString).GetTableClient(_options.TrialsTable);
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            partitions.Add(entity.PartitionKey);
            count++;
        }

        Assert.Equal(1000, count);
        Assert.Equal(["s%2F1"], partitions);
        Assert.Equal(0.999, (await Store.GetTrialsAsync("s/1", new TrialQuery(0, 1, Order: TrialOrder.ByScore)))[0].Score);
    }

    [Fact]
    public async Task UpsertTrialsAsync_SameKeyTwiceInOneBatch_KeepsTheLast()
    {
        await Store.UpsertTrialsAsync([Trial("s", 1), Completed("s", 1, 0.5), Trial("s", 2)]);

        var all = await Store.GetAllTrialsAsync("s");

        Assert.Equal([1L, 2L], all.Select(t => t.TrialId));
        Assert.Equal(TrialStatus.Completed, all[0].Status);
    }

    [Fact]
    public async Task UpsertTrialsAsync_LongFieldsSplitOverProperties_RoundTrip()
    {
        var display = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"op{i}|"));
        var metrics = Enumerable.Range(0, 3000).ToDictionary(i => $"metric-{i}", i => i / 7.0);
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5) with { Display = display, Metrics = metrics }]);

        var stored = await Store.GetTrialAsync("s", 1);

        Assert.True(display.Length > 2 * AzureText.ChunkChars);
        Assert.Equal(display, stored!.Display);
        Assert.Equal(metrics, stored.Metrics);
    }

    [Fact]
    public async Task UpsertTrialsAsync_RowOverTheEntityLimit_ThrowsNamingTheTrialAndWritesNothing()
    {
        var huge = new string('x', 600_000);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertTrialsAsync([Trial("s", 1), Trial("s", 2) with { Error = huge }]));

        Assert.Contains("Trial 2 of study 's'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 MiB", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.GetAllTrialsAsync("s"));
    }

    [Fact]
    public async Task SaveStrategySnapshotAsync_StateLargerThanAnEntity_GoesToABlobAndReadsBack()
    {
        var journal = (IStrategyJournal)Store;
        var state = new string('s', 3 * 1024 * 1024);
        await journal.SaveStrategySnapshotAsync("s", "population", new StrategySnapshot(10, state));
        await journal.SaveStrategySnapshotAsync("s", "population", new StrategySnapshot(11, state + "!"));

        var stored = await journal.GetStrategySnapshotAsync("s", "population");

        Assert.Equal(11, stored!.Sequence);
        Assert.Equal(state + "!", stored.State);
        await Store.DeleteStudyAsync("s");
        Assert.Null(await journal.GetStrategySnapshotAsync("s", "population"));
    }

    [Fact]
    public async Task Data_AnotherStoreOnThePrefix_SeesIt()
    {
        await Store.UpsertStudyAsync(Study("s", Epoch));
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.75)]);

        var other = new AzureTrialStore(_options);

        Assert.Equal("s", (await other.GetStudyAsync("s"))!.StudyId);
        Assert.Equal(0.75, (await other.GetTrialAsync("s", 1))!.Metrics["accuracy"]);
    }

    [Fact]
    public async Task GetStudyAsync_EntityWrittenBeforeOwners_ReadsNoOwnerAndKeepsTheNewFields()
    {
        await Store.UpsertStudyAsync(Study("old", Epoch) with { Completed = 3 });
        var table = new TableServiceClient(fixture.Server.ConnectionString).GetTableClient(_options.StudiesTable);
        var entity = (await table.GetEntityAsync<TableEntity>("studies", "old")).Value;
        Assert.True(entity.Remove("Owner") && entity.Remove("ExtraTrials"));
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);

        var old = await Store.GetStudyAsync("old");
        await Store.UpsertStudyAsync(old! with { Owner = "alice", ExtraTrials = 7 });
        var extended = await Store.GetStudyAsync("old");

        Assert.Equal(("", 0, 3), (old.Owner, old.ExtraTrials, old.Completed));
        Assert.Equal(("alice", 7), (extended!.Owner, extended.ExtraTrials));
    }
}
