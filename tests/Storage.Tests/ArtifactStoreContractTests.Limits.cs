namespace NasOrleans.Storage.Tests;

/// <summary>Retention, listing, deletion and the limits of the <see cref="IArtifactStore"/> contract.</summary>
public abstract partial class ArtifactStoreContractTests
{
    [Fact]
    public async Task PutArtifactAsync_MoreVersionsThanKept_KeepsTheNewestTwoByDefault()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Store.PutArtifactAsync("s", "c", Bytes(100, i), Step(i));
        }

        var kept = new List<long>();
        for (var v = 1; v <= 5; v++)
        {
            if (await Store.GetArtifactAsync("s", "c", v) is { } artifact)
            {
                kept.Add(artifact.Version);
            }
        }

        Assert.Equal([4L, 5L], kept);
        Assert.Equal(5, (await Store.GetLatestArtifactAsync("s", "c"))!.Version);
    }

    [Fact]
    public async Task PutArtifactAsync_VersionsToKeepThree_KeepsThreeOfEachName()
    {
        var store = await OpenAsync(new ArtifactStoreOptions { VersionsToKeep = 3 });
        for (var i = 1; i <= 6; i++)
        {
            await store.PutArtifactAsync("s", "c", Bytes(100, i));
            await store.PutArtifactAsync("s", "d", Bytes(100, i));
        }

        foreach (var name in new[] { "c", "d" })
        {
            Assert.Null(await store.GetArtifactAsync("s", name, 3));
            foreach (var version in new[] { 4L, 5L, 6L })
            {
                Assert.Equal(Bytes(100, (int)version), (await store.GetArtifactAsync("s", name, version))!.Content.ToArray());
            }
        }
    }

    [Fact]
    public async Task ListArtifactsAsync_SeveralNames_ReturnsEachLatestVersionByNameWithoutOtherStudies()
    {
        await Store.PutArtifactAsync("s", "b/checkpoint", Bytes(30, 1));
        await Store.PutArtifactAsync("s", "a", Bytes(10, 1));
        await Store.PutArtifactAsync("s", "b/checkpoint", Bytes(40, 2));
        await Store.PutArtifactAsync("s", "B", Bytes(5, 1));
        await Store.PutArtifactAsync("other", "z", Bytes(5, 1));

        var list = await Store.ListArtifactsAsync("s");

        Assert.Equal(["B", "a", "b/checkpoint"], list.Select(a => a.Name));
        Assert.Equal([1L, 1L, 2L], list.Select(a => a.LatestVersion));
        Assert.Equal([5L, 10L, 40L], list.Select(a => a.Size));
        Assert.Equal(Sha256(Bytes(40, 2)), list[2].Sha256);
        Assert.Equal((await Store.GetLatestArtifactAsync("s", "b/checkpoint"))!.CreatedAt, list[2].UpdatedAt);
        Assert.Empty(await Store.ListArtifactsAsync("none"));
    }

    [Fact]
    public async Task DeleteStudyArtifactsAsync_OneStudy_DeletesItsArtifactsOnlyAndVersionsStartAgain()
    {
        await Store.PutArtifactAsync("gone", "a", Bytes(10, 1));
        await Store.PutArtifactAsync("gone", "a", Bytes(10, 2));
        await Store.PutArtifactAsync("gone", "b", Bytes(10, 1));
        await Store.PutArtifactAsync("kept", "a", Bytes(10, 1));

        await Store.DeleteStudyArtifactsAsync("gone");
        await Store.DeleteStudyArtifactsAsync("never");

        Assert.Empty(await Store.ListArtifactsAsync("gone"));
        Assert.Null(await Store.GetLatestArtifactAsync("gone", "a"));
        Assert.NotNull(await Store.GetLatestArtifactAsync("kept", "a"));
        Assert.Equal(1, await Store.PutArtifactAsync("gone", "a", Bytes(10, 3), expectedVersion: 0));
    }

    [Fact]
    public async Task PutArtifactAsync_ContentOverTheLimit_ThrowsNamingSizeAndSettingAndWritesNothing()
    {
        await Store.PutArtifactAsync("s", "c", Bytes(10, 1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.PutArtifactAsync("s", "c", new byte[Limit + 1]));
        var exact = await Store.PutArtifactAsync("s", "at-limit", new byte[Limit]);

        Assert.Contains($"{Limit + 1} bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains($"limit of {Limit} bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxArtifactBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await Store.GetLatestArtifactAsync("s", "c"))!.Version);
        Assert.Equal(1, exact);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("/a")]
    [InlineData("a/")]
    [InlineData("a//b")]
    [InlineData("../a")]
    [InlineData("a/./b")]
    [InlineData("checkpoint\u00e9")]
    [InlineData("a\\b")]
    public async Task PutArtifactAsync_InvalidName_ThrowsAndWritesNothing(string name)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.PutArtifactAsync("s", name, Bytes(10, 1)));

        Assert.Contains("A-Z, a-z, 0-9", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.ListArtifactsAsync("s"));
    }

    [Fact]
    public async Task PutArtifactAsync_NameAtAndOverTheLengthLimit_AcceptsTheFirstOnly()
    {
        var longest = new string('a', ArtifactNames.MaxLength);

        await Store.PutArtifactAsync("s", longest, Bytes(10, 1));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutArtifactAsync("s", longest + "a", Bytes(10, 1)));
        Assert.Equal(longest, Assert.Single(await Store.ListArtifactsAsync("s")).Name);
    }

    [Fact]
    public async Task PutArtifactAsync_TooMuchMetadata_Throws()
    {
        var many = Enumerable.Range(0, ArtifactStoreOptions.MaxMetadataEntries + 1).ToDictionary(i => $"k{i}", i => "v");
        var large = new Dictionary<string, string> { ["blob"] = new string('x', ArtifactStoreOptions.MaxMetadataLength) };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutArtifactAsync("s", "c", Bytes(10, 1), many));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutArtifactAsync("s", "c", Bytes(10, 1), large));

        Assert.Empty(await Store.ListArtifactsAsync("s"));
    }

    [Fact]
    public async Task PutArtifactAsync_NegativeExpectedVersion_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.PutArtifactAsync("s", "c", Bytes(10, 1), expectedVersion: -1));
    }
}
