namespace NasOrleans.Storage.Tests.GrainStorage;

public sealed class CounterGrain([PersistentState("state", "nas")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<int> AddAsync(string name, double value)
    {
        state.State.Name = name;
        state.State.Count++;
        state.State.Values.Add(value);
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<CounterState> GetAsync() => Task.FromResult(state.State);

    public Task<bool> RecordExistsAsync() => Task.FromResult(state.RecordExists);

    public Task ClearAsync() => state.ClearStateAsync();
}
