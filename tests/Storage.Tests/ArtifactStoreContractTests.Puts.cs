namespace NasOrleans.Storage.Tests;

/// <summary>Puts, reads and versions of the <see cref="IArtifactStore"/> contract.</summary>
public abstract partial class ArtifactStoreContractTests
{
    [Fact]
    public async Task PutArtifactAsync_ThenGetLatest_ReturnsTheSameBytesMetadataAndSha256()
    {
        var content = Bytes(1024 * 1024 + 7, 1);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var version = await Store.PutArtifactAsync("s", "supernet/checkpoint", content, new Dictionary<string, string> { ["step"] = "500", ["note"] = "é \"quoted\"" });
        var stored = await Store.GetLatestArtifactAsync("s", "supernet/checkpoint");

        Assert.Equal(1, version);
        Assert.NotNull(stored);
        Assert.Equal(("s", "supernet/checkpoint", 1L), (stored.StudyId, stored.Name, stored.Version));
        Assert.True(content.AsSpan().SequenceEqual(stored.Content.Span));
        Assert.Equal(Sha256(content), stored.Sha256);
        Assert.Equal(new Dictionary<string, string> { ["step"] = "500", ["note"] = "é \"quoted\"" }, stored.Metadata);
        Assert.InRange(stored.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task PutArtifactAsync_EmptyContentWithoutMetadata_RoundTrips()
    {
        await Store.PutArtifactAsync("s", "empty", ReadOnlyMemory<byte>.Empty);

        var stored = await Store.GetLatestArtifactAsync("s", "empty");

        Assert.Equal(0, stored!.Content.Length);
        Assert.Empty(stored.Metadata);
        Assert.Equal(Sha256([]), stored.Sha256);
    }

    [Fact]
    public async Task PutArtifactAsync_BufferChangedAfterwards_StoredContentUnchanged()
    {
        var content = Bytes(100, 2);
        var original = content.ToArray();
        await Store.PutArtifactAsync("s", "c", content);

        content[0] ^= 0xFF;

        Assert.Equal(original, (await Store.GetLatestArtifactAsync("s", "c"))!.Content.ToArray());
    }

    [Fact]
    public async Task PutArtifactAsync_SliceOfALargerBuffer_StoresOnlyTheSlice()
    {
        var buffer = Bytes(1000, 3);

        await Store.PutArtifactAsync("s", "c", buffer.AsMemory(10, 20));

        Assert.Equal(buffer[10..30], (await Store.GetLatestArtifactAsync("s", "c"))!.Content.ToArray());
    }

    [Fact]
    public async Task PutArtifactAsync_RepeatedPuts_VersionsIncreaseByOnePerName()
    {
        var versions = new List<long>();
        for (var i = 1; i <= 3; i++)
        {
            versions.Add(await Store.PutArtifactAsync("s", "a", Bytes(10, i), Step(i * 100)));
        }

        var other = await Store.PutArtifactAsync("s", "b", Bytes(10, 9));
        var otherStudy = await Store.PutArtifactAsync("t", "a", Bytes(10, 9));

        Assert.Equal([1L, 2L, 3L], versions);
        Assert.Equal(1, other);
        Assert.Equal(1, otherStudy);
        var latest = await Store.GetLatestArtifactAsync("s", "a");
        Assert.Equal(3, latest!.Version);
        Assert.Equal("300", latest.Metadata["step"]);
        Assert.Equal(Bytes(10, 2), (await Store.GetArtifactAsync("s", "a", 2))!.Content.ToArray());
    }

    [Fact]
    public async Task GetLatestArtifactAsync_Missing_ReturnsNull()
    {
        await Store.PutArtifactAsync("s", "a", Bytes(10, 1));

        Assert.Null(await Store.GetLatestArtifactAsync("s", "b"));
        Assert.Null(await Store.GetLatestArtifactAsync("t", "a"));
        Assert.Null(await Store.GetArtifactAsync("s", "a", 2));
    }

    [Fact]
    public async Task PutArtifactAsync_ExpectedVersionCurrent_StoresTheNextVersion()
    {
        var first = await Store.PutArtifactAsync("s", "c", Bytes(10, 1), expectedVersion: 0);

        var second = await Store.PutArtifactAsync("s", "c", Bytes(10, 2), expectedVersion: first);

        Assert.Equal((1L, 2L), (first, second));
    }

    [Fact]
    public async Task PutArtifactAsync_ExpectedVersionStale_ThrowsConflictAndLeavesTheArtifactUnchanged()
    {
        await Store.PutArtifactAsync("s", "c", Bytes(10, 1), Step(1));
        await Store.PutArtifactAsync("s", "c", Bytes(10, 2), Step(2), expectedVersion: 1);

        var error = await Assert.ThrowsAsync<ArtifactVersionConflictException>(() => Store.PutArtifactAsync("s", "c", Bytes(10, 3), Step(3), expectedVersion: 1));
        var noneExpected = await Assert.ThrowsAsync<ArtifactVersionConflictException>(() => Store.PutArtifactAsync("s", "c", Bytes(10, 3), expectedVersion: 0));

        Assert.Equal((1L, 2L), (error.ExpectedVersion, error.ActualVersion));
        Assert.Contains("version 2, not the expected 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, noneExpected.ActualVersion);
        var latest = await Store.GetLatestArtifactAsync("s", "c");
        Assert.Equal(2, latest!.Version);
        Assert.Equal(Bytes(10, 2), latest.Content.ToArray());
        Assert.Equal("2", latest.Metadata["step"]);
        Assert.NotNull(await Store.GetArtifactAsync("s", "c", 1));
    }

    [Fact]
    public async Task PutArtifactAsync_ExpectedVersionOnAMissingArtifact_ThrowsConflict()
    {
        var error = await Assert.ThrowsAsync<ArtifactVersionConflictException>(() => Store.PutArtifactAsync("s", "c", Bytes(10, 1), expectedVersion: 3));

        Assert.Equal(0, error.ActualVersion);
        Assert.Null(await Store.GetLatestArtifactAsync("s", "c"));
    }

    [Fact]
    public async Task PutArtifactAsync_ConcurrentPutsWithTheSameExpectedVersion_ExactlyOneWins()
    {
        await Store.PutArtifactAsync("s", "c", Bytes(10, 0));
        const int Writers = 8;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(1, Writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await Store.PutArtifactAsync("s", "c", Bytes(1000, w), Step(w), expectedVersion: 1);
                return w;
            }
            catch (ArtifactVersionConflictException)
            {
                return 0;
            }
        })).ToList();

        start.SetResult();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r != 0);
        var latest = await Store.GetLatestArtifactAsync("s", "c");
        Assert.Equal(2, latest!.Version);
        Assert.Equal(Bytes(1000, winner), latest.Content.ToArray());
    }
}
