using Azure.Storage.Blobs;
using NasOrleans.Storage.Azure;

namespace NasOrleans.Storage.Tests.Azure;

/// <summary>The artifact contract against <see cref="AzureTrialStore"/> on Azurite (a fresh prefix per test), plus what only the emulator can show.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureArtifactStoreTests(AzuriteFixture fixture) : ArtifactStoreContractTests
{
    private readonly string _prefix = AzuriteFixture.NewPrefix();

    private BlobContainerClient Container => new BlobServiceClient(fixture.Server.ConnectionString).GetBlobContainerClient(_prefix + "artifacts");

    protected override Task<IArtifactStore> CreateStoreAsync(ArtifactStoreOptions options)
    {
        var storeOptions = fixture.NewOptions(_prefix);
        storeOptions.Artifacts = options;
        return Task.FromResult<IArtifactStore>(new AzureTrialStore(storeOptions));
    }

    [Fact]
    public async Task GetLatestArtifactAsync_BlobCorrupted_ThrowsIntegrityError()
    {
        await Store.PutArtifactAsync("s", "supernet/checkpoint", Bytes(4096, 1));
        var blob = await Container.GetBlobsAsync().SingleAsync();
        var content = Bytes(4096, 1);
        content[100] ^= 0xFF;
        await Container.GetBlobClient(blob.Name).UploadAsync(new BinaryData(content), overwrite: true);

        var error = await Assert.ThrowsAsync<ArtifactIntegrityException>(() => Store.GetLatestArtifactAsync("s", "supernet/checkpoint"));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(error.StoredSha256, error.ActualSha256);
    }

    [Fact]
    public async Task PutArtifactAsync_TwoStoresWithTheSameExpectedVersion_ExactlyOneWinsEachRound()
    {
        // Two stores (two client pipelines) stand for two trainer silos; the head's ETag orders their puts.
        var other = await OpenAsync(new ArtifactStoreOptions { MaxArtifactBytes = Limit });
        var stores = new[] { Store, other };
        for (var round = 0; round < 10; round++)
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
        var puts = Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? Store : other).PutArtifactAsync("s", "c", Bytes(100, i)));

        var versions = await Task.WhenAll(puts);

        Assert.Equal(Enumerable.Range(1, 12).Select(v => (long)v), versions.Order());
    }

    [Fact]
    public async Task PutArtifactAsync_ManyPuts_KeepsOnlyTwoBlobs()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.PutArtifactAsync("s", "c", Bytes(1000, i));
        }

        Assert.Equal(2, await Container.GetBlobsAsync().CountAsync());
    }
}
