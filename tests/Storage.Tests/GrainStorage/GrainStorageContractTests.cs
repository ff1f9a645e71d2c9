using Orleans.Runtime;
using Orleans.Storage;

namespace NasOrleans.Storage.Tests.GrainStorage;

/// <summary>
/// The contract every grain storage provider of the product meets, called directly as a silo calls it: optimistic
/// concurrency on ETags (a stale or unaware write or clear is refused and changes nothing; of racing writers from one
/// version exactly one wins) and clearing that removes the record.
/// </summary>
public abstract class GrainStorageContractTests
{
    /// <summary>The provider under test (the silo's "nas" provider).</summary>
    protected abstract IGrainStorage Provider { get; }

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

    /// <summary>A grain id no other test uses.</summary>
    protected static GrainId NewGrainId() => GrainId.Create("test", Guid.NewGuid().ToString("N"));

    /// <summary>Reads grain <paramref name="id"/>'s state "s" through the provider.</summary>
    protected async Task<GrainState<CounterState>> ReadAsync(GrainId id)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await Provider.ReadStateAsync("s", id, state);
        return state;
    }
}
