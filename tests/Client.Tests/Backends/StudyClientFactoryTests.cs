using NasOrleans.Client.Backends;

namespace NasOrleans.Client.Tests.Backends;

public sealed class StudyClientFactoryTests
{
    [Fact]
    public async Task OpenAsync_MissingDataDirectory_IsUnavailableNamingItAndCreatesNothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "nas-missing-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<CliException>(() => StudyClientFactory.OpenAsync(new CommonSettings(missing, null, null, false), CancellationToken.None));

        Assert.Equal(ExitCodes.Unavailable, error.ExitCode);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task OpenAsync_DirectoryWithoutDatabase_IsUnavailableAndCreatesNoDatabase()
    {
        var empty = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "nas-empty-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var error = await Assert.ThrowsAsync<CliException>(() => StudyClientFactory.OpenAsync(new CommonSettings(empty, null, null, false), CancellationToken.None));

            Assert.Equal(ExitCodes.Unavailable, error.ExitCode);
            Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
