using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NasOrleans.Storage.Sqlite;

namespace NasOrleans.Storage.Tests;

public sealed class SqliteStorageOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblems()
    {
        Assert.Empty(new SqliteStorageOptions().Validate());
    }

    [Fact]
    public void Validate_SeveralMistakes_ListsEveryOne()
    {
        var options = new SqliteStorageOptions { DataDirectory = " ", DatabaseFileName = "sub/nas.db", BusyTimeout = TimeSpan.FromSeconds(-1) };

        var problems = options.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("DataDirectory", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("DatabaseFileName", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("BusyTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_InMemoryConnectionString_IsRejected()
    {
        var problems = new SqliteStorageOptions { ConnectionString = "Data Source=:memory:" }.Validate();

        Assert.Single(problems);
    }

    [Fact]
    public void BuildConnectionString_DataDirectory_PointsAtNasDbWithPooling()
    {
        var options = new SqliteStorageOptions { DataDirectory = "/tmp/x", BusyTimeout = TimeSpan.FromSeconds(2.5) };

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.BuildConnectionString());

        Assert.Equal("/tmp/x/nas.db", builder.DataSource);
        Assert.True(builder.Pooling);
        Assert.Equal(3, builder.DefaultTimeout);
    }

    [Fact]
    public void SqliteTrialStore_InvalidOptions_ThrowsListingProblems()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteTrialStore(new SqliteStorageOptions { DatabaseFileName = "" }));

        Assert.Contains("DatabaseFileName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSqliteTrialStore_InvalidOptions_FailsValidation()
    {
        using var services = new ServiceCollection()
            .AddSqliteTrialStore(o => o.DataDirectory = "")
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value);
    }

    [Fact]
    public void AddMemoryTrialStore_Resolves_OneSingleton()
    {
        using var services = new ServiceCollection().AddMemoryTrialStore().BuildServiceProvider();

        var store = services.GetRequiredService<ITrialStore>();

        Assert.IsType<MemoryTrialStore>(store);
        Assert.Same(store, services.GetRequiredService<MemoryTrialStore>());
        Assert.Same(store, services.GetRequiredService<IArtifactStore>());
    }

    [Fact]
    public void AddSqliteTrialStore_Resolves_TheStoreAsItsArtifactStore()
    {
        using var directory = new TempDirectory();
        using var services = new ServiceCollection().AddSqliteTrialStore(o => o.DataDirectory = directory.Path).BuildServiceProvider();

        Assert.Same(services.GetRequiredService<SqliteTrialStore>(), services.GetRequiredService<IArtifactStore>());
    }

    [Fact]
    public void Validate_InvalidArtifactLimitsWithAConnectionString_ListsThem()
    {
        var options = new SqliteStorageOptions { ConnectionString = "Data Source=/tmp/x.db", Artifacts = new ArtifactStoreOptions { MaxArtifactBytes = 0 } };

        Assert.Contains("Artifacts.MaxArtifactBytes", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }
}
