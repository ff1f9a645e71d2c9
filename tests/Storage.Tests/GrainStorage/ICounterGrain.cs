namespace NasOrleans.Storage.Tests.GrainStorage;

/// <summary>A tiny grain whose state lives in the SQLite grain storage named "nas".</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(string name, double value);

    Task<CounterState> GetAsync();

    Task<bool> RecordExistsAsync();

    Task ClearAsync();
}
