using NasOrleans.Storage.Azure;

namespace NasOrleans.Storage.Tests.Azure;

/// <summary>The checks of <see cref="AzureStorageOptions"/>: every problem named, with the fix.</summary>
public sealed class AzureStorageOptionsTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    [Fact]
    public void Validate_Defaults_NeedOnlyTheConnectionString()
    {
        var problems = new AzureStorageOptions().Validate();

        Assert.Contains("ConnectionString must be set", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Empty(new AzureStorageOptions { ConnectionString = Azurite }.Validate());
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=nas")]
    [InlineData("not a connection string")]
    public void Validate_NotAnAzureConnectionString_SaysSo(string connection)
    {
        var problems = new AzureStorageOptions { ConnectionString = connection }.Validate();

        Assert.Contains(problems, p => p.Contains("not a valid Azure Storage connection string", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("NAS")]
    [InlineData("n")]
    [InlineData("1nas")]
    [InlineData("nas-dev")]
    public void Validate_BadPrefix_NamesTheRule(string prefix)
    {
        var problems = new AzureStorageOptions { ConnectionString = Azurite, TablePrefix = prefix }.Validate();

        Assert.Contains("TablePrefix must be 2 to 40 lower-case letters or digits", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_SeveralProblems_ListsThemAll()
    {
        var options = new AzureStorageOptions { TablePrefix = "X", MaxRetries = -1, RetryBaseDelay = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(options.EnsureValid);

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("TablePrefix", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRetries", error.Message, StringComparison.Ordinal);
        Assert.Contains("RetryBaseDelay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_DefaultPrefix_AreTheDocumentedOnes()
    {
        var options = new AzureStorageOptions { ConnectionString = Azurite };

        Assert.Equal(("nastrials", "nasstudies", "nasartifacts", "nasgrains"), (options.TrialsTable, options.StudiesTable, options.ArtifactsContainer, options.GrainsContainer));
    }
}
