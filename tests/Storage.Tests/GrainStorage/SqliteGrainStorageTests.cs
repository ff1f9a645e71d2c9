using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Storage.Sqlite;
using Orleans.Storage;

namespace NasOrleans.Storage.Tests.GrainStorage;

/// <summary><see cref="SqliteGrainStorage"/> inside a real silo, and directly with the silo's serializer.</summary>
public sealed class SqliteGrainStorageTests(SqliteClusterFixture fixture) : GrainStorageContractTests, IClassFixture<SqliteClusterFixture>
{
    protected override IGrainStorage Provider => fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>("nas");

    [Fact]
    public async Task Grain_StateWrittenThenReactivated_ReadsItBack()
    {
        var grain = fixture.Cluster.Client.GetGrain<ICounterGrain>("round-trip");
        await grain.AddAsync("first", 0.1);
        await grain.AddAsync("second", 1.0 / 3.0);

        await fixture.Cluster.DeactivateAsync(grain);
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
        var grain = fixture.Cluster.Client.GetGrain<ICounterGrain>("cleared");
        await grain.AddAsync("x", 1);

        await grain.ClearAsync();
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.False(await grain.RecordExistsAsync());
        Assert.Equal(0, (await grain.GetAsync()).Count);
        Assert.Equal(0L, await CountRowsAsync("state", grain.GetGrainId()));
    }

    [Fact]
    public void Silo_Started_InitializedTheTrialStoreOnTheSameFile()
    {
        var store = fixture.SiloServices.GetRequiredService<SqliteTrialStore>();

        Assert.True(store.IsInitialized);
        Assert.Same(store, fixture.SiloServices.GetRequiredService<ITrialStore>());
        Assert.Equal(((SqliteGrainStorage)Provider).DataSource, store.DataSource);
    }

    [Fact]
    public async Task WriteStateAsync_CurrentEtag_ReplacesStateWithNewEtag()
    {
        var id = NewGrainId();
        var state = new GrainState<CounterState>(new CounterState { Count = 1 });
        await Provider.WriteStateAsync("s", id, state);
        var firstEtag = state.ETag;

        state.State!.Count = 2;
        await Provider.WriteStateAsync("s", id, state);

        Assert.NotNull(firstEtag);
        Assert.NotEqual(firstEtag, state.ETag);
        Assert.Equal(2, (await ReadAsync(id)).State!.Count);
    }

    [Fact]
    public async Task ReadStateAsync_AnotherProviderInstanceOnTheFile_SeesTheState()
    {
        var id = NewGrainId();
        await Provider.WriteStateAsync("s", id, new GrainState<CounterState>(new CounterState { Name = "durable" }));
        using var other = new SqliteGrainStorage(
            "other", new SqliteStorageOptions { DataDirectory = fixture.DataDirectory }, fixture.SiloServices.GetRequiredService<IGrainStorageSerializer>());

        var state = new GrainState<CounterState>(new CounterState());
        await other.ReadStateAsync("s", id, state);

        Assert.True(state.RecordExists);
        Assert.Equal("durable", state.State!.Name);
    }

    private async Task<long> CountRowsAsync(string stateName, GrainId id)
    {
        await using var connection = new SqliteConnection(new SqliteStorageOptions { DataDirectory = fixture.DataDirectory }.BuildConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM grain_state WHERE grain_type = $type AND grain_id = $id;";
        command.Parameters.AddWithValue("$type", stateName);
        command.Parameters.AddWithValue("$id", id.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
