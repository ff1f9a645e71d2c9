using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Postgres;
using NasOrleans.Storage.Tests.GrainStorage;
using Orleans.Serialization;
using Orleans.Storage;
using static NasOrleans.Storage.Tests.TestRecords;

namespace NasOrleans.Storage.Tests.Postgres;

/// <summary>
/// The stores against a private server that is restarted or stopped between two writes: the retrying store
/// reconnects and the second write succeeds. Always a private instance of its own (never NAS_TEST_PG's server).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private PostgresServer _server = null!;

    private PostgresStorageOptions Options => new() { ConnectionString = _server.ConnectionString, Schema = "restart" };

    public async Task InitializeAsync() => _server = await PostgresServer.StartPrivateAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task UpsertTrialsAsync_ServerRestartedBetweenTwoWrites_SecondWriteSucceeds()
    {
        await using var store = new PostgresTrialStore(Options, NullLogger<PostgresTrialStore>.Instance);
        await store.UpsertTrialsAsync([Trial("s", 1)]);

        await _server.RestartAsync();
        await store.UpsertTrialsAsync([Completed("s", 1, 0.5), Trial("s", 2)]);

        var all = await store.GetAllTrialsAsync("s");
        Assert.Equal([1L, 2L], all.Select(t => t.TrialId));
        Assert.Equal(TrialStatus.Completed, all[0].Status);
    }

    [Fact]
    public async Task UpsertTrialsAsync_ServerDownWhenCalledThenBack_Succeeds()
    {
        await using var store = new PostgresTrialStore(Options);
        await store.UpsertTrialsAsync([Trial("s", 1)]);
        await _server.StopAsync();

        // Refused connections are retried with backoff (about 30 s in all), so the write waits for the server.
        var write = store.UpsertTrialsAsync([Trial("s", 2)]);
        await _server.StartAgainAsync();
        await write;

        Assert.Equal([1L, 2L], (await store.GetAllTrialsAsync("s")).Select(t => t.TrialId));
    }

    [Fact]
    public async Task WriteStateAsync_ServerRestartedBetweenTwoWrites_SecondWriteSucceedsWithItsEtag()
    {
        await using var storage = new PostgresGrainStorage("nas", Options, Serializer());
        var id = GrainId.Create("test", "restart");
        var state = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync("s", id, state);

        await _server.RestartAsync();
        state.State!.Count = 2;
        await storage.WriteStateAsync("s", id, state);

        var read = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("s", id, read);
        Assert.Equal(2, read.State!.Count);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task UpsertTrialsAsync_NoServerAndNoRetries_FailsWithTheConnectionError()
    {
        await _server.StopAsync();
        await using var impatient = new PostgresTrialStore(new PostgresStorageOptions { ConnectionString = _server.ConnectionString, Schema = "restart", MaxRetries = 0 });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => impatient.GetAllTrialsAsync("s"));

        Assert.True(PostgresTransientErrors.IsTransient(error, out _));
    }

    private static IGrainStorageSerializer Serializer()
    {
        var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(CounterState).Assembly)).BuildServiceProvider();
        return new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
    }
}
