namespace NasOrleans.Storage.Tests;

/// <summary>The artifact contract against <see cref="MemoryTrialStore"/>.</summary>
public sealed class MemoryArtifactStoreTests : ArtifactStoreContractTests
{
    protected override Task<IArtifactStore> CreateStoreAsync(ArtifactStoreOptions options) => Task.FromResult<IArtifactStore>(new MemoryTrialStore(options));
}
