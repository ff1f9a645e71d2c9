namespace NasOrleans.Storage.Tests;

public sealed class ArtifactStoreOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblemsAndKeepsTwoVersionsOf512MiB()
    {
        var options = new ArtifactStoreOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((512L * 1024 * 1024, 2), (options.MaxArtifactBytes, options.VersionsToKeep));
    }

    [Fact]
    public void Validate_BothOutOfRange_ListsEveryOne()
    {
        var problems = new ArtifactStoreOptions { MaxArtifactBytes = ArtifactStoreOptions.MaxArtifactBytesCeiling + 1, VersionsToKeep = 0 }.Validate();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("MaxArtifactBytes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("VersionsToKeep", StringComparison.Ordinal));
    }

    [Fact]
    public void MemoryTrialStore_InvalidOptions_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new MemoryTrialStore(new ArtifactStoreOptions { VersionsToKeep = -1 }));

        Assert.Contains("VersionsToKeep", error.Message, StringComparison.Ordinal);
    }
}
