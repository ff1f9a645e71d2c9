using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Storage.Azure;
using NasOrleans.Storage.Tests.GrainStorage;
using Orleans.Storage;
using Orleans.TestingHost;

namespace NasOrleans.Storage.Tests.Azure;

/// <summary>The Azure Blob grain storage "nas" inside a real silo on Azurite, and directly: the grain-storage contract the SQLite and PostgreSQL providers meet.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureGrainStorageTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    private IServiceProvider SiloServices => _cluster.Silos[0].ServiceProvider;

    private IGrainStorage Provider => SiloServices.GetRequiredKeyedService<IGrainStorage>("nas");

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

    [Fact]
    public async Task WriteStateAsync_FirstWriteWhereAStateExists_Throws()
    {
        var id = NewGrainId();
        await Provider.WriteStateAsync("s", id, new GrainState<CounterState>(new CounterState { Count = 1 }));

        var unaware = new GrainState<CounterState>(new CounterState { Count = 99 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Provider.WriteStateAsync("s", id, unaware));

        Assert.Equal(1, (await ReadAsync(id)).State!.Count);
    }

    [Fact]
    public async Task WriteStateAsync_StaleEtag_ThrowsAndLeavesStoredStateUnchanged()
    {
        var id = NewGrainId();
        var first = new GrainState<CounterState>(new CounterState { Name = "v1", Count = 1 });
        await Provider.WriteStateAsync("s", id, first);
        var stale = await ReadAsync(id);
        first.State!.Name = "v2";
        await Provider.WriteStateAsync("s", id, first);

        stale.State!.Name = "stale";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Provider.WriteStateAsync("s", id, stale));

        var stored = await ReadAsync(id);
        Assert.Equal("v2", stored.State!.Name);
        Assert.Equal(first.ETag, stored.ETag);
        Assert.NotEqual(stale.ETag, first.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_EightWritersFromOneVersion_ExactlyOneWins()
    {
        var id = NewGrainId();
        await Provider.WriteStateAsync("s", id, new GrainState<CounterState>(new CounterState { Name = "v0" }));
        var copies = new List<GrainState<CounterState>>();
        for (var i = 0; i < 8; i++)
        {
            var copy = await ReadAsync(id);
            copy.State!.Name = "w" + i;
            copies.Add(copy);
        }

        var results = await Task.WhenAll(copies.Select(async copy =>
        {
            try
            {
                await Provider.WriteStateAsync("s", id, copy);
                return copy.State!.Name;
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(results.OfType<string>());
        Assert.Equal(winner, (await ReadAsync(id)).State!.Name);
    }

    [Fact]
    public async Task ClearStateAsync_StaleEtag_ThrowsAndKeepsTheRecord()
    {
        var id = NewGrainId();
        var state = new GrainState<CounterState>(new CounterState { Count = 5 });
        await Provider.WriteStateAsync("s", id, state);
        var stale = await ReadAsync(id);
        await Provider.WriteStateAsync("s", id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Provider.ClearStateAsync("s", id, stale));

        Assert.True((await ReadAsync(id)).RecordExists);
    }

    [Fact]
    public async Task ClearStateAsync_CurrentEtag_RemovesTheRecord()
    {
        var id = NewGrainId();
        var state = new GrainState<CounterState>(new CounterState { Count = 5 });
        await Provider.WriteStateAsync("s", id, state);

        await Provider.ClearStateAsync("s", id, state);
        var after = await ReadAsync(id);

        Assert.False(state.RecordExists);
        Assert.False(after.RecordExists);
    }

    private static GrainId NewGrainId() => GrainId.Create("test", Guid.NewGuid().ToString("N"));

    private async Task<GrainState<CounterState>> ReadAsync(GrainId id)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await Provider.ReadStateAsync("s", id, state);
        return state;
    }

    private async Task<int> CountBlobsAsync(string key) =>
        await Container.GetBlobsAsync().CountAsync(b => b.Name.Contains(key, StringComparison.Ordinal));
}
