using NasOrleans.Storage.Postgres;

namespace NasOrleans.Storage.Tests.Postgres;

/// <summary>The artifact contract against <see cref="PostgresTrialStore"/> (a fresh schema per test), plus what only a server can show.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresArtifactStoreTests(PostgresFixture fixture) : SharedArtifactStoreContractTests
{
    private readonly string _schema = PostgresFixture.NewSchemaName();

    protected override Task<IArtifactStore> CreateStoreAsync(ArtifactStoreOptions options)
    {
        var storeOptions = fixture.NewOptions(_schema);
        storeOptions.Artifacts = options;
        return Task.FromResult<IArtifactStore>(new PostgresTrialStore(storeOptions));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await fixture.DropSchemaAsync(_schema);
    }

    [Fact]
    public async Task GetLatestArtifactAsync_ContentCorruptedInTheTable_ThrowsIntegrityError()
    {
        await Store.PutArtifactAsync("s", "supernet/checkpoint", Bytes(4096, 1));
        await fixture.ScalarAsync($"UPDATE \"{_schema}\".artifacts SET content = overlay(content placing '\\xff'::bytea from 100 for 1)");

        var error = await Assert.ThrowsAsync<ArtifactIntegrityException>(() => Store.GetLatestArtifactAsync("s", "supernet/checkpoint"));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(error.StoredSha256, error.ActualSha256);
    }

    [Fact]
    public async Task PutArtifactAsync_ManyPuts_KeepsOnlyTwoRowsInTheTable()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.PutArtifactAsync("s", "c", Bytes(1000, i));
        }

        Assert.Equal(2L, await fixture.ScalarAsync($"SELECT count(*) FROM \"{_schema}\".artifacts"));
    }
}
