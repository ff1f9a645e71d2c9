using Microsoft.Data.Sqlite;
using NasOrleans.Storage.Sqlite;

namespace NasOrleans.Storage.Tests;

/// <summary>The artifact contract against <see cref="SqliteTrialStore"/> (two stores on one file stand for two trainer processes), plus what only a file can show.</summary>
public sealed class SqliteArtifactStoreTests : SharedArtifactStoreContractTests
{
    private readonly TempDirectory _directory = new();

    protected override Task<IArtifactStore> CreateStoreAsync(ArtifactStoreOptions options) =>
        Task.FromResult<IArtifactStore>(new SqliteTrialStore(Options(options)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task GetLatestArtifactAsync_ContentCorruptedInTheFile_ThrowsIntegrityError()
    {
        var content = Bytes(4096, 1);
        await Store.PutArtifactAsync("s", "supernet/checkpoint", content);
        content[100] ^= 0x01;
        await ExecuteAsync("UPDATE artifacts SET content = $content WHERE study_id = 's' AND name = 'supernet/checkpoint';", ("$content", content));

        var error = await Assert.ThrowsAsync<ArtifactIntegrityException>(() => Store.GetLatestArtifactAsync("s", "supernet/checkpoint"));
        await Assert.ThrowsAsync<ArtifactIntegrityException>(() => Store.GetArtifactAsync("s", "supernet/checkpoint", 1));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.Contains("supernet/checkpoint", error.Message, StringComparison.Ordinal);
        Assert.Equal(Sha256(content), error.ActualSha256);
        Assert.NotEqual(error.StoredSha256, error.ActualSha256);
    }

    [Fact]
    public async Task GetLatestArtifactAsync_StoredHashChanged_ThrowsIntegrityError()
    {
        await Store.PutArtifactAsync("s", "c", Bytes(10, 1));
        await ExecuteAsync("UPDATE artifacts SET sha256 = $sha;", ("$sha", new string('0', 64)));

        var error = await Assert.ThrowsAsync<ArtifactIntegrityException>(() => Store.GetLatestArtifactAsync("s", "c"));

        Assert.Equal(new string('0', 64), error.StoredSha256);
    }

    [Fact]
    public async Task PutArtifactAsync_ManyPuts_KeepsOnlyTwoRowsInTheFile()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.PutArtifactAsync("s", "c", Bytes(1000, i));
        }

        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM artifacts;"));
    }

    private SqliteStorageOptions Options(ArtifactStoreOptions artifacts) => new() { DataDirectory = _directory.Path, Artifacts = artifacts };

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(Options(new()).BuildConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(Options(new()).BuildConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
