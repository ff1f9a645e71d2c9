using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Azure;
using static NasOrleans.Storage.Tests.TestRecords;

namespace NasOrleans.Storage.Tests.Azure;

/// <summary>
/// The store against a private Azurite that is stopped by its process id while writers are mid-stream (their open
/// connections cut, new ones refused) and started again over its data: the Azure clients retry, and every
/// acknowledged write is there exactly once. SIGTERM, not SIGKILL: see <see cref="AzuriteServer.StopAsync"/>. Always a
/// private instance of its own (never NAS_TEST_AZURE's account).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureRestartTests : IAsyncLifetime
{
    private AzuriteServer _server = null!;

    private AzureStorageOptions Options => new() { ConnectionString = _server.ConnectionString, TablePrefix = "restart", RetryMaxDelay = TimeSpan.FromSeconds(2) };

    public async Task InitializeAsync() => _server = await AzuriteServer.StartPrivateAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RecordCompletionsAsync_AzuriteStoppedMidStream_NothingLostNothingRecordedTwice()
    {
        const int Writers = 4, Calls = 40;
        var store = new AzureTrialStore(Options);
        await store.InitializeAsync();
        var acknowledged = 0;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var c = 0; c < Calls; c++)
            {
                var id = (w * Calls) + c;
                await store.RecordCompletionsAsync([Completed("s", id, id / 1000.0)], [Entry(id)]);
                if (Interlocked.Increment(ref acknowledged) == Writers * Calls / 4)
                {
                    halfway.SetResult();
                }
            }
        })).ToList();

        await halfway.Task;
        await _server.StopAsync();
        var killedAfter = Volatile.Read(ref acknowledged);
        await Task.Delay(TimeSpan.FromSeconds(1)); // Calls in flight now fail at the socket and are retried.
        await _server.StartAgainAsync();
        await Task.WhenAll(writers);

        var reopened = new AzureTrialStore(Options);
        var log = await reopened.GetCompletionsAsync("s");
        Assert.True(killedAfter < Writers * Calls, "The stop came after the last write: the test proved nothing.");
        Assert.Equal(Writers * Calls, log.Count);
        Assert.Empty(await reopened.GetRecordedTwiceAsync("s"));
        var trials = await reopened.GetAllTrialsAsync("s");
        Assert.Equal(Enumerable.Range(0, Writers * Calls).Select(i => (long)i), trials.Select(t => t.TrialId));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
    }

    [Fact]
    public async Task UpsertTrialsAsync_AzuriteDownWhenCalledThenBack_Succeeds()
    {
        var store = new AzureTrialStore(Options);
        await store.UpsertTrialsAsync([Trial("s", 1)]);
        await _server.StopAsync();

        // Refused connections are retried with backoff, so the write waits for the emulator.
        var write = store.UpsertTrialsAsync([Trial("s", 2)]);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await _server.StartAgainAsync();
        await write;

        Assert.Equal([1L, 2L], (await store.GetAllTrialsAsync("s")).Select(t => t.TrialId));
    }

    [Fact]
    public async Task GetAllTrialsAsync_NoEmulatorAndNoRetries_FailsWithTheConnectionError()
    {
        await _server.StopAsync();
        var impatient = new AzureTrialStore(new AzureStorageOptions { ConnectionString = _server.ConnectionString, TablePrefix = "restart", MaxRetries = 0 });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => impatient.GetAllTrialsAsync("s"));

        Assert.Contains("Connection refused", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static CompletionLogEntry Entry(long trial) => new()
    {
        StudyId = "s",
        TrialId = trial,
        LeaseId = Guid.NewGuid(),
        Attempt = 1,
        Status = TrialStatus.Completed,
        RecordedAt = Epoch.AddSeconds(trial),
    };
}
