using NasOrleans.Client.Backends;

namespace NasOrleans.Client.Tests.Backends;

/// <summary>How <see cref="ConnectionStringArgument"/> reads a connection string from the option, a file or the environment.</summary>
public sealed class ConnectionStringArgumentTests
{
    [Fact]
    public void Resolve_PlainValue_IsTakenAsItIs()
    {
        Assert.Equal("UseDevelopmentStorage=true", ConnectionStringArgument.Resolve("UseDevelopmentStorage=true", "--azure", UnsetVariable()));
    }

    [Fact]
    public void Resolve_AtFile_ReadsTheFileTrimmed()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "  AccountName=a;AccountKey=b\n");

            Assert.Equal("AccountName=a;AccountKey=b", ConnectionStringArgument.Resolve("@" + file, "--azure", UnsetVariable()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Resolve_NoValue_TakesTheEnvironmentVariable()
    {
        var variable = UnsetVariable();
        Environment.SetEnvironmentVariable(variable, "from-environment");
        try
        {
            Assert.Equal("from-environment", ConnectionStringArgument.Resolve(null, "--azure", variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Resolve_MissingFile_ThrowsNamingTheFileAndTheVariable()
    {
        var variable = UnsetVariable();

        var error = Assert.Throws<CliException>(() => ConnectionStringArgument.Resolve("@/nonexistent/conn", "--azure", variable));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("/nonexistent/conn", error.Message, StringComparison.Ordinal);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EmptyFile_Throws()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<CliException>(() => ConnectionStringArgument.Resolve("@" + file, "--azure", UnsetVariable()));

            Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Require_NothingGiven_SaysHowToGiveIt()
    {
        var variable = UnsetVariable();

        var error = Assert.Throws<CliException>(() => ConnectionStringArgument.Require(null, "--azure", variable, "--store azure"));

        Assert.Contains("--store azure needs a connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
        Assert.Contains("--azure @FILE", error.Message, StringComparison.Ordinal);
    }

    private static string UnsetVariable() => "NAS_TEST_CONN_" + Guid.NewGuid().ToString("N");
}
