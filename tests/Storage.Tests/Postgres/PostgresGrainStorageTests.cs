using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Storage.Postgres;
using NasOrleans.Storage.Tests.GrainStorage;
using Orleans.Storage;
using Orleans.TestingHost;

namespace NasOrleans.Storage.Tests.Postgres;

/// <summary><see cref="PostgresGrainStorage"/> inside a real silo, and directly with the silo's serializer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresFixture fixture) : GrainStorageContractTests, IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    private IServiceProvider SiloServices => _cluster.Silos[0].ServiceProvider;

    protected override IGrainStorage Provider => SiloServices.GetRequiredKeyedService<IGrainStorage>("nas");

    public async Task InitializeAsync() => _cluster = await fixture.GetClusterAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Grain_StateWrittenThenReactivated_ReadsItBack()
    {
        var grain = _cluster.Client.GetGrain<ICounterGrain>("pg-round-trip");
        await grain.AddAsync("first", 0.1);
        await grain.AddAsync("second", 1.0 / 3.0);

        await _cluster.DeactivateAsync(grain);
        var state = await grain.GetAsync();

        Assert.True(await grain.RecordExistsAsync());
        Assert.Equal("second", state.Name);
        Assert.Equal(2, state.Count);
        Assert.Equal([0.1, 1.0 / 3.0], state.Values);
        Assert.Equal(1L, await CountRowsAsync("state", grain.GetGrainId()));
    }

    [Fact]
    public async Task Grain_ClearState_DeletesTheRow()
    {
        var grain = _cluster.Client.GetGrain<ICounterGrain>("pg-cleared");
        await grain.AddAsync("x", 1);

        await grain.ClearAsync();
        await _cluster.DeactivateAsync(grain);

        Assert.False(await grain.RecordExistsAsync());
        Assert.Equal(0, (await grain.GetAsync()).Count);
        Assert.Equal(0L, await CountRowsAsync("state", grain.GetGrainId()));
    }

    [Fact]
    public void Silo_Started_InitializedTheTrialStoreInTheSameSchema()
    {
        var store = SiloServices.GetRequiredService<PostgresTrialStore>();

        Assert.True(store.IsInitialized);
        Assert.Same(store, SiloServices.GetRequiredService<ITrialStore>());
        Assert.Same(store, SiloServices.GetRequiredService<IMeasurementStore>());
        Assert.Equal(((PostgresGrainStorage)Provider).Schema, store.Schema);
    }

    [Fact]
    public async Task WriteStateAsync_StaleEtag_ErrorCarriesTheStoredEtag()
    {
        var id = NewGrainId();
        var first = new GrainState<CounterState>(new CounterState { Name = "v1" });
        await Provider.WriteStateAsync("s", id, first);
        var stale = await ReadAsync(id);
        await Provider.WriteStateAsync("s", id, first);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Provider.WriteStateAsync("s", id, stale));

        Assert.Equal(first.ETag, error.StoredEtag);
    }

    [Fact]
    public async Task ReadStateAsync_AnotherProviderInstanceOnTheSchema_SeesTheState()
    {
        var id = NewGrainId();
        await Provider.WriteStateAsync("s", id, new GrainState<CounterState>(new CounterState { Name = "durable" }));
        await using var other = new PostgresGrainStorage(
            "other", fixture.NewOptions(fixture.ClusterSchema), SiloServices.GetRequiredService<IGrainStorageSerializer>());

        var state = new GrainState<CounterState>(new CounterState());
        await other.ReadStateAsync("s", id, state);

        Assert.True(state.RecordExists);
        Assert.Equal("durable", state.State!.Name);
    }

    private async Task<long> CountRowsAsync(string stateName, GrainId id) =>
        (long)(await fixture.ScalarAsync(
            $"SELECT count(*) FROM \"{fixture.ClusterSchema}\".grain_state WHERE grain_type = $1 AND grain_id = $2", stateName, id.ToString()))!;
}
