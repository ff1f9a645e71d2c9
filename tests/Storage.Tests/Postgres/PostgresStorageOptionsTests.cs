using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NasOrleans.Storage.Postgres;
using Npgsql;

namespace NasOrleans.Storage.Tests.Postgres;

public sealed class PostgresStorageOptionsTests
{
    private const string Valid = "Host=127.0.0.1;Port=55432;Database=nas;Username=postgres";

    [Fact]
    public void Validate_ConnectionStringSet_HasNoProblems()
    {
        Assert.Empty(new PostgresStorageOptions { ConnectionString = Valid }.Validate());
    }

    [Fact]
    public void Validate_SeveralMistakes_ListsEveryOne()
    {
        var options = new PostgresStorageOptions { Schema = "Bad-Name", MaxRetries = -1, RetryBaseDelay = TimeSpan.FromSeconds(10) };

        var problems = options.Validate();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("ConnectionString", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Schema", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxRetries", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("RetryBaseDelay", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ConnectionStringWithoutHost_IsRejected()
    {
        Assert.Single(new PostgresStorageOptions { ConnectionString = "Database=nas" }.Validate());
    }

    [Fact]
    public void BuildConnectionString_Schema_BecomesTheSearchPathWithAutoPrepare()
    {
        var options = new PostgresStorageOptions { ConnectionString = Valid + ";Search Path=other", Schema = "nas_a" };

        var builder = new NpgsqlConnectionStringBuilder(options.BuildConnectionString());

        Assert.Equal("nas_a", builder.SearchPath);
        Assert.Equal("nasorleans", builder.ApplicationName);
        Assert.True(builder.MaxAutoPrepare > 0);
        Assert.Equal(55432, builder.Port);
    }

    [Fact]
    public void PostgresTrialStore_InvalidOptions_ThrowsListingProblems()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresTrialStore(new PostgresStorageOptions()));

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPostgresTrialStore_InvalidOptions_FailsValidation()
    {
        using var services = new ServiceCollection().AddPostgresTrialStore(o => o.Schema = "").BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PostgresStorageOptions>>().Value);
    }

    [Fact]
    public async Task AddPostgresTrialStore_Resolves_OneSingletonForBothInterfaces()
    {
        await using var services = new ServiceCollection().AddPostgresTrialStore(o => o.ConnectionString = Valid).BuildServiceProvider();

        var store = services.GetRequiredService<ITrialStore>();

        Assert.IsType<PostgresTrialStore>(store);
        Assert.Same(store, services.GetRequiredService<IMeasurementStore>());
        Assert.Same(store, services.GetRequiredService<IArtifactStore>());
        Assert.Same(store, services.GetRequiredService<PostgresTrialStore>());
    }

    [Fact]
    public void Validate_InvalidArtifactLimits_ListsThem()
    {
        var options = new PostgresStorageOptions { ConnectionString = Valid, Artifacts = new ArtifactStoreOptions { VersionsToKeep = 0 } };

        Assert.Contains("Artifacts.VersionsToKeep", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }
}
