using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Storage.Postgres;
using NasOrleans.Storage.Tests.GrainStorage;
using Orleans.Storage;
using Orleans.TestingHost;

namespace NasOrleans.Storage.Tests.Postgres;

/// <summary><see cref="PostgresGrainStorage"/> inside a real silo, and directly with the silo's serializer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresFixture fixture) : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    private IServiceProvider SiloServices => _cluster.Silos[0].ServiceProvider;

    private IGrainStorage Provider => SiloServices.GetRequiredKeyedService<IGrainStorage>("nas");

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
    public async Task WriteStateAsync_FirstWriteWhereARowExists_Throws()
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
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Provider.WriteStateAsync("s", id, stale));

        var stored = await ReadAsync(id);
        Assert.Equal("v2", stored.State!.Name);
        Assert.Equal(first.ETag, stored.ETag);
        Assert.Equal(first.ETag, error.StoredEtag);
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

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.False(after.RecordExists);
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

    private static GrainId NewGrainId() => GrainId.Create("test", Guid.NewGuid().ToString("N"));

    private async Task<GrainState<CounterState>> ReadAsync(GrainId id)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await Provider.ReadStateAsync("s", id, state);
        return state;
    }

    private async Task<long> CountRowsAsync(string stateName, GrainId id) =>
        (long)(await fixture.ScalarAsync(
            $"SELECT count(*) FROM \"{fixture.ClusterSchema}\".grain_state WHERE grain_type = $1 AND grain_id = $2", stateName, id.ToString()))!;
}
