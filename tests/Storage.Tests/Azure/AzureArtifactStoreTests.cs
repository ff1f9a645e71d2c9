using Azure.Storage.Blobs;
using NasOrleans.Storage.Azure;

namespace NasOrleans.Storage.Tests.Azure;

/// <summary>The artifact contract against <see cref="AzureTrialStore"/> on Azurite (a fresh prefix per test), plus what only the emulator can show.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureArtifactStoreTests(AzuriteFixture fixture) : SharedArtifactStoreContractTests
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

    /// <inheritdoc />
    protected override int ConcurrentRounds => 10;

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
