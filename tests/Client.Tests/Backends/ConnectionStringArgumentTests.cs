using NasOrleans.Client.Backends;

namespace NasOrleans.Client.Tests.Backends;

public sealed class ConnectionStringArgumentTests : IDisposable
{
    // A variable of this test's own, so that tests running alongside (and a NAS_POSTGRES of the machine) are not affected.
    private readonly string _variable = "NAS_TEST_CONNECTION_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _directory = Directory.CreateTempSubdirectory("nas-conn-").FullName;

    [Fact]
    public void Resolve_AtFile_ReturnsTheFileContentsTrimmed()
    {
        var file = Path.Combine(_directory, "pg-connection");
        File.WriteAllText(file, "  Host=127.0.0.1;Username=nas;Password=s3cret\n\n");
        Environment.SetEnvironmentVariable(_variable, "Host=from-environment");

        Assert.Equal("Host=127.0.0.1;Username=nas;Password=s3cret", ConnectionStringArgument.Resolve("@" + file, "--postgres", _variable));
    }

    [Fact]
    public void Resolve_AtMissingFile_FailsNamingTheFileAndTheVariable()
    {
        var file = Path.Combine(_directory, "missing");

        var error = Assert.Throws<CliException>(() => ConnectionStringArgument.Resolve("@" + file, "--postgres", _variable));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("--postgres @" + file, error.Message, StringComparison.Ordinal);
        Assert.Contains(_variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AtEmptyFile_FailsSayingItIsEmpty()
    {
        var file = Path.Combine(_directory, "empty");
        File.WriteAllText(file, " \n");

        var error = Assert.Throws<CliException>(() => ConnectionStringArgument.Resolve("@" + file, "--azure", _variable));

        Assert.Contains("--azure @" + file + ": the file is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Resolve_FlagAbsent_FallsBackToTheVariable(string? value)
    {
        Assert.Null(ConnectionStringArgument.Resolve(value, "--postgres", _variable));

        Environment.SetEnvironmentVariable(_variable, " Host=from-environment;Password=p \n");

        Assert.Equal("Host=from-environment;Password=p", ConnectionStringArgument.Resolve(value, "--postgres", _variable));
    }

    [Fact]
    public void Resolve_LiteralValue_IsTakenAsGiven()
    {
        Environment.SetEnvironmentVariable(_variable, "Host=from-environment");

        Assert.Equal("Host=literal", ConnectionStringArgument.Resolve("Host=literal", "--postgres", _variable));
    }

    [Fact]
    public void Variables_AreTheAgreedNames()
    {
        Assert.Equal("NAS_POSTGRES", ConnectionStringArgument.PostgresVariable);
        Assert.Equal("NAS_AZURE", ConnectionStringArgument.AzureVariable);
    }

    [Fact]
    public void Require_NothingGiven_SaysHowToGiveIt()
    {
        var error = Assert.Throws<CliException>(() => ConnectionStringArgument.Require(null, "--azure", _variable, "--store azure"));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("--store azure needs a connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains(_variable, error.Message, StringComparison.Ordinal);
        Assert.Contains("--azure @FILE", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Directory.Delete(_directory, recursive: true);
    }
}
