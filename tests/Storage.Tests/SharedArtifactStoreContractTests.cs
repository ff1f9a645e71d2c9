namespace NasOrleans.Storage.Tests;

/// <summary>
/// The artifact contract of a store that several processes share (SQLite's file, PostgreSQL, Azure): what two stores
/// opened on the same data see of each other's puts.
/// </summary>
public abstract class SharedArtifactStoreContractTests : ArtifactStoreContractTests
{
    /// <summary>Rounds of the racing puts (fewer where each put costs more round trips).</summary>
    protected virtual int ConcurrentRounds => 20;

    [Fact]
    public async Task PutArtifactAsync_TwoStoresWithTheSameExpectedVersion_ExactlyOneWinsEachRound()
    {
        // Two stores (two connections, pools or client pipelines) stand for two trainer processes; the store orders their puts
        // (SQLite: BEGIN IMMEDIATE's file lock; PostgreSQL: an advisory lock; Azure: the head row's ETag).
        var other = await OpenAsync(new ArtifactStoreOptions { MaxArtifactBytes = Limit });
        var stores = new[] { Store, other };
        for (var round = 0; round < ConcurrentRounds; round++)
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
        var puts = Enumerable.Range(0, ConcurrentRounds).Select(i => (i % 2 == 0 ? Store : other).PutArtifactAsync("s", "c", Bytes(100, i)));

        var versions = await Task.WhenAll(puts);

        Assert.Equal(Enumerable.Range(1, ConcurrentRounds).Select(v => (long)v), versions.Order());
    }
}
