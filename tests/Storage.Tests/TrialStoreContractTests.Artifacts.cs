namespace NasOrleans.Storage.Tests;

/// <summary>How the <see cref="IArtifactStore"/> of every trial store goes with its studies.</summary>
public abstract partial class TrialStoreContractTests
{
    private IArtifactStore Artifacts => (IArtifactStore)Store;

    [Fact]
    public async Task DeleteStudyAsync_WithArtifacts_DeletesThatStudysArtifactsToo()
    {
        await Store.UpsertStudyAsync(TestRecords.Study("gone", TestRecords.Epoch));
        await Artifacts.PutArtifactAsync("gone", "checkpoint", new byte[] { 1, 2, 3 });
        await Artifacts.PutArtifactAsync("gone", "checkpoint", new byte[] { 4, 5, 6 });
        await Artifacts.PutArtifactAsync("kept", "checkpoint", new byte[] { 7 });

        await Store.DeleteStudyAsync("gone");

        Assert.Empty(await Artifacts.ListArtifactsAsync("gone"));
        Assert.Null(await Artifacts.GetLatestArtifactAsync("gone", "checkpoint"));
        Assert.Equal(new byte[] { 7 }, (await Artifacts.GetLatestArtifactAsync("kept", "checkpoint"))!.Content.ToArray());
    }
}
