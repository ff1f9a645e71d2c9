using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using Orleans.Core.Internal;

namespace NasOrleans.Grains.Tests.Paired;

[Collection(ClusterCollection.Name)]
public class PairedAgentGrainTests(ClusterFixture fixture)
{
    private IPairedAgentGrain Agent(string study, string role = PairedRoles.Protagonist) =>
        fixture.Client.GetGrain<IPairedAgentGrain>(PairedRoles.Key(study, role));

    private static PairedAgentUpdate Update(long round, int basedOn, byte state) => new(round, basedOn, [state, state], 4, 100, 0.5);

    [Fact]
    public async Task ApplyAsync_RoundRepeatedAfterItsUpdate_StartsFromTheStateBeforeAndIsNotAppliedTwice()
    {
        var agent = Agent("paired-agent-repeat");
        Assert.Equal(PairedUpdateResult.Applied, await agent.ApplyAsync(Update(1, 0, 1)));
        Assert.Equal(PairedUpdateResult.Applied, await agent.ApplyAsync(Update(2, 1, 2)));

        // A trainer lost after round 2's update was applied repeats round 2: it must start where round 2 started.
        var repeat = await agent.GetForRoundAsync(2);
        var duplicate = await agent.ApplyAsync(Update(2, repeat.Updates, 9));
        var next = await agent.GetForRoundAsync(3);
        var info = await agent.GetInfoAsync();

        Assert.True(repeat.Applied);
        Assert.Equal(1, repeat.Updates);
        Assert.Equal(new byte[] { 1, 1 }, repeat.State);
        Assert.Equal(PairedUpdateResult.Duplicate, duplicate);
        Assert.Equal((2, false), (next.Updates, next.Applied));
        Assert.Equal(new byte[] { 2, 2 }, next.State);
        Assert.Equal((2, 3, 1, 0), (info.Updates, info.RolloutsReceived, info.Duplicates, info.Stale));
    }

    [Fact]
    public async Task ApplyAsync_UpdateFromAStateNoLongerCurrent_IsStaleAndLeavesTheAgent()
    {
        var agent = Agent("paired-agent-stale");
        await agent.ApplyAsync(Update(1, 0, 1));

        var stale = await agent.ApplyAsync(Update(2, 0, 7));
        var info = await agent.GetInfoAsync();

        Assert.Equal(PairedUpdateResult.Stale, stale);
        Assert.Equal((1, 1L, 1), (info.Updates, info.LastRound, info.Stale));
        Assert.Equal(new byte[] { 1, 1 }, (await agent.GetForRoundAsync(2)).State);
    }

    [Fact]
    public async Task GetForRoundAsync_AfterDeactivation_ReadsThePersistedState()
    {
        var agent = Agent("paired-agent-persisted", PairedRoles.Adversary);
        await agent.ApplyAsync(Update(1, 0, 5));

        await agent.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var snapshot = await agent.GetForRoundAsync(2);

        Assert.Equal(1, snapshot.Updates);
        Assert.Equal(new byte[] { 5, 5 }, snapshot.State);
    }

    [Fact]
    public async Task ClearAsync_ForgetsTheAgent()
    {
        var agent = Agent("paired-agent-cleared", PairedRoles.Antagonist);
        await agent.ApplyAsync(Update(1, 0, 5));

        await agent.ClearAsync();
        var snapshot = await agent.GetForRoundAsync(1);

        Assert.Equal(0, snapshot.Updates);
        Assert.Null(snapshot.State);
    }
}
