using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Storage.Azure;
using NasOrleans.Storage.Tests.GrainStorage;
using Orleans.Storage;
using Orleans.TestingHost;

namespace NasOrleans.Storage.Tests.Azure;

/// <summary>The Azure Blob grain storage "nas" inside a real silo on Azurite, and directly: the grain-storage contract the SQLite and PostgreSQL providers meet.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureGrainStorageTests(AzuriteFixture fixture) : GrainStorageContractTests, IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    private IServiceProvider SiloServices => _cluster.Silos[0].ServiceProvider;

    protected override IGrainStorage Provider => SiloServices.GetRequiredKeyedService<IGrainStorage>("nas");

    private BlobContainerClient Container => new BlobServiceClient(fixture.Server.ConnectionString).GetBlobContainerClient(fixture.ClusterPrefix + "grains");

    public async Task InitializeAsync() => _cluster = await fixture.GetClusterAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Grain_StateWrittenThenReactivated_ReadsItBack()
    {
        var grain = _cluster.Client.GetGrain<ICounterGrain>("az-round-trip");
        await grain.AddAsync("first", 0.1);
        await grain.AddAsync("second", 1.0 / 3.0);

        await _cluster.DeactivateAsync(grain);
        var state = await grain.GetAsync();

        Assert.True(await grain.RecordExistsAsync());
        Assert.Equal("second", state.Name);
        Assert.Equal(2, state.Count);
        Assert.Equal([0.1, 1.0 / 3.0], state.Values);
        Assert.Equal(1, await CountBlobsAsync("az-round-trip"));
    }

    [Fact]
    public async Task Grain_ClearState_DeletesTheBlob()
    {
        var grain = _cluster.Client.GetGrain<ICounterGrain>("az-cleared");
        await grain.AddAsync("x", 1);

        await grain.ClearAsync();
        await _cluster.DeactivateAsync(grain);

        Assert.False(await grain.RecordExistsAsync());
        Assert.Equal(0, (await grain.GetAsync()).Count);
        Assert.Equal(0, await CountBlobsAsync("az-cleared"));
    }

    [Fact]
    public async Task Grain_StateOfSeveralMegabytes_RoundTrips()
    {
        var grain = _cluster.Client.GetGrain<ICounterGrain>("az-large");
        var name = new string('p', 5 * 1024 * 1024);
        await grain.AddAsync(name, 1);

        await _cluster.DeactivateAsync(grain);

        Assert.Equal(name.Length, (await grain.GetAsync()).Name.Length);
    }

    [Fact]
    public void Silo_Started_InitializedTheTrialStoreOnTheSamePrefix()
    {
        var store = SiloServices.GetRequiredService<AzureTrialStore>();

        Assert.True(store.IsInitialized);
        Assert.Same(store, SiloServices.GetRequiredService<ITrialStore>());
        Assert.Same(store, SiloServices.GetRequiredService<IArtifactStore>());
        Assert.Equal(fixture.ClusterPrefix, store.TablePrefix);
    }

    private async Task<int> CountBlobsAsync(string key) =>
        await Container.GetBlobsAsync().CountAsync(b => b.Name.Contains(key, StringComparison.Ordinal));
}
