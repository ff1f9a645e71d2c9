using NasOrleans.Client.Backends;

namespace NasOrleans.Client.Tests.Backends;

public sealed class ServiceApiKeyTests
{
    [Fact]
    public void Read_KeyFile_IsTheFilesTrimmedText()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "nas_abc\n");

            Assert.Equal("nas_abc", ServiceApiKey.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MissingKeyFile_IsInvalidInputNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "nas-no-key-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<CliException>(() => ServiceApiKey.Read(path));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyKeyFile_IsInvalidInput()
    {
        var path = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<CliException>(() => ServiceApiKey.Read(path));

            Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
