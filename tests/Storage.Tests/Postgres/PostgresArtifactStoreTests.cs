using NasOrleans.Storage.Postgres;

namespace NasOrleans.Storage.Tests.Postgres;

/// <summary>The artifact contract against <see cref="PostgresTrialStore"/> (a fresh schema per test), plus what only a server can show.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresArtifactStoreTests(PostgresFixture fixture) : ArtifactStoreContractTests
{
    private readonly string _schema = PostgresFixture.NewSchemaName();

    protected override Task<IArtifactStore> CreateStoreAsync(ArtifactStoreOptions options)
    {
        var storeOptions = fixture.NewOptions(_schema);
        storeOptions.Artifacts = options;
        return Task.FromResult<IArtifactStore>(new PostgresTrialStore(storeOptions));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await fixture.DropSchemaAsync(_schema);
    }

    [Fact]
    public async Task GetLatestArtifactAsync_ContentCorruptedInTheTable_ThrowsIntegrityError()
    {
        await Store.PutArtifactAsync("s", "supernet/checkpoint", Bytes(4096, 1));
        await fixture.ScalarAsync($"UPDATE \"{_schema}\".artifacts SET content = overlay(content placing '\\xff'::bytea from 100 for 1)");

        var error = await Assert.ThrowsAsync<ArtifactIntegrityException>(() => Store.GetLatestArtifactAsync("s", "supernet/checkpoint"));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(error.StoredSha256, error.ActualSha256);
    }

    [Fact]
    public async Task PutArtifactAsync_TwoStoresWithTheSameExpectedVersion_ExactlyOneWinsEachRound()
    {
        // Two stores (two connection pools) stand for two trainer silos; the advisory lock orders their puts.
        var other = await OpenAsync(new ArtifactStoreOptions { MaxArtifactBytes = Limit });
        var stores = new[] { Store, other };
        for (var round = 0; round < 20; round++)
        {
            var expected = round;
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = stores.Select((store, i) => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    await store.PutArtifactAsync("s", "c", Bytes(1000, (expected * 2) + i), expectedVersion: expected);
                    return i;
                }
                catch (ArtifactVersionConflictException)
                {
                    return -1;
                }
            })).ToList();

            start.SetResult();
            var results = await Task.WhenAll(attempts);

            var winner = Assert.Single(results, r => r >= 0);
            var latest = await other.GetLatestArtifactAsync("s", "c");
            Assert.Equal(round + 1, latest!.Version);
            Assert.Equal(Bytes(1000, (round * 2) + winner), latest.Content.ToArray());
        }
    }

    [Fact]
    public async Task PutArtifactAsync_UnconditionalConcurrentPuts_GetDistinctVersions()
    {
        var other = await OpenAsync(new ArtifactStoreOptions { VersionsToKeep = 100 });
        var puts = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? Store : other).PutArtifactAsync("s", "c", Bytes(100, i)));

        var versions = await Task.WhenAll(puts);

        Assert.Equal(Enumerable.Range(1, 20).Select(v => (long)v), versions.Order());
    }

    [Fact]
    public async Task PutArtifactAsync_ManyPuts_KeepsOnlyTwoRowsInTheTable()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.PutArtifactAsync("s", "c", Bytes(1000, i));
        }

        Assert.Equal(2L, await fixture.ScalarAsync($"SELECT count(*) FROM \"{_schema}\".artifacts"));
    }
}
