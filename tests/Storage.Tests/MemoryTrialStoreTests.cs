namespace NasOrleans.Storage.Tests;

/// <summary>The store contract against <see cref="MemoryTrialStore"/>.</summary>
public sealed class MemoryTrialStoreTests : TrialStoreContractTests
{
    protected override Task<ITrialStore> CreateStoreAsync() => Task.FromResult<ITrialStore>(new MemoryTrialStore());
}
