using static NasOrleans.Storage.Tests.TestRecords;

namespace NasOrleans.Storage.Tests;

/// <summary>The study fields the gateway added: the owner (API-key owner) and the trials added by <c>nas extend</c>.</summary>
public abstract partial class TrialStoreContractTests
{
    [Fact]
    public async Task GetStudyAsync_OwnerAndExtraTrials_RoundTrip()
    {
        await Store.UpsertStudyAsync(Study("s", Epoch) with { Owner = "alice", ExtraTrials = 7, MaxTrials = 107 });

        var stored = await Store.GetStudyAsync("s");
        var listed = Assert.Single(await Store.ListStudiesAsync());

        Assert.Equal("alice", stored!.Owner);
        Assert.Equal(7, stored.ExtraTrials);
        Assert.Equal(107, stored.MaxTrials);
        Assert.Equal(("alice", 7), (listed.Owner, listed.ExtraTrials));
    }

    [Fact]
    public async Task UpsertStudyAsync_ExtendedAgain_ReplacesOwnerAndExtraTrials()
    {
        await Store.UpsertStudyAsync(Study("s", Epoch) with { Owner = "alice", ExtraTrials = 7 });
        await Store.UpsertStudyAsync(Study("s", Epoch) with { Owner = "bob", ExtraTrials = 12 });

        var stored = await Store.GetStudyAsync("s");

        Assert.Equal(("bob", 12), (stored!.Owner, stored.ExtraTrials));
    }

    [Fact]
    public async Task GetStudyAsync_SummaryWithoutOwner_ReadsEmptyOwnerAndNoExtraTrials()
    {
        await Store.UpsertStudyAsync(Study("s", Epoch));

        var stored = await Store.GetStudyAsync("s");

        Assert.Equal(("", 0), (stored!.Owner, stored.ExtraTrials));
    }
}
