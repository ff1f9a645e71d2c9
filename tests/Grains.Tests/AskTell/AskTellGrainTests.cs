using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Tests.AskTell;

[Collection(ClusterCollection.Name)]
public class AskTellGrainTests(ClusterFixture fixture)
{
    private IAskTellGrain AskTell => fixture.Client.GetGrain<IAskTellGrain>(0);

    private static StudySpec External(string name, int trials = 6, int parallel = 2, double? timeout = null)
    {
        var builder = new StudySpecBuilder(name)
            .Maximize("accuracy")
            .AddFloat("c", 0.01, 100, log: true)
            .AddCategorical("kernel", ["rbf", "linear"])
            .WithAlgorithm("random", 3)
            .WithTrainer("external")
            .WithBudget(trials, parallel);
        return (timeout is { } t ? builder.WithTrialTimeout(t) : builder).Build();
    }

    private async Task<IStudyGrain> SubmitAsync(StudySpec spec)
    {
        var study = fixture.Client.GetGrain<IStudyGrain>(spec.Name);
        var submitted = await study.SubmitAsync(StudySpecJson.Serialize(spec), "alice");
        Assert.True(submitted.Accepted, string.Join("; ", submitted.Errors));
        return study;
    }

    [Fact]
    public async Task SuggestAsync_WorkerCompletesEveryTrial_StudyCompletesWithTheirMetrics()
    {
        var study = await SubmitAsync(External("asktell-end"));
        var completed = 0;
        for (var round = 0; round < 50; round++)
        {
            var reply = await AskTell.SuggestAsync("asktell-end", "w1", 2);
            if (reply.StudyDone)
            {
                break;
            }

            foreach (var trial in reply.Trials)
            {
                Assert.Equal(["c", "kernel"], trial.Parameters.Keys.Order());
                var accuracy = trial.Parameters["kernel"] == "rbf" ? 0.9 : 0.8;
                var told = await AskTell.CompleteAsync("asktell-end", trial.TrialId, trial.LeaseId, new Dictionary<string, double> { ["accuracy"] = accuracy }, null);
                Assert.True(told.Accepted, told.Reason);
                completed++;
            }

            if (reply.Trials.Count == 0)
            {
                await Task.Delay(20);
            }
        }

        var summary = await study.GetStatusAsync();
        Assert.Equal(StudyStatus.Completed, summary.Status);
        Assert.Equal(6, completed);
        Assert.Equal(6, summary.Completed);
        Assert.Equal("alice", summary.Owner);
        var best = (await study.GetBestAsync(1)).Single();
        Assert.Equal("client:w1", best.Trainer);
        Assert.Contains(best.Metrics["accuracy"], new[] { 0.8, 0.9 });
    }

    [Fact]
    public async Task SuggestAsync_SameClientAsksAgain_GetsItsUnfinishedTrialBackAndOthersDoNot()
    {
        await SubmitAsync(External("asktell-redeliver", trials: 4, parallel: 4));
        var first = (await AskTell.SuggestAsync("asktell-redeliver", "host-1.worker-0", 1)).Trials.Single();

        var again = await AskTell.SuggestAsync("asktell-redeliver", "host-1.worker-0", 1);
        var other = await AskTell.SuggestAsync("asktell-redeliver", "host-2.worker-0", 4);

        var back = again.Trials.Single();
        Assert.True(back.Redelivered);
        Assert.Equal((first.TrialId, first.LeaseId, 1), (back.TrialId, back.LeaseId, back.Attempt));
        Assert.False(first.Redelivered);
        Assert.DoesNotContain(other.Trials, t => t.TrialId == first.TrialId);
        Assert.All(other.Trials, t => Assert.False(t.Redelivered));
    }

    [Fact]
    public async Task CompleteAsync_StaleLeaseOrSecondResult_IsRefusedAndRecordedOnce()
    {
        var study = await SubmitAsync(External("asktell-once", trials: 2));
        var trial = (await AskTell.SuggestAsync("asktell-once", "w1", 1)).Trials.Single();
        var metrics = new Dictionary<string, double> { ["accuracy"] = 0.5 };

        var stale = await AskTell.CompleteAsync("asktell-once", trial.TrialId, Guid.NewGuid(), metrics, null);
        var first = await AskTell.CompleteAsync("asktell-once", trial.TrialId, trial.LeaseId, metrics, null);
        var second = await AskTell.CompleteAsync("asktell-once", trial.TrialId, trial.LeaseId, new Dictionary<string, double> { ["accuracy"] = 0.99 }, null);

        Assert.False(stale.Accepted);
        Assert.Contains("not the current lease", stale.Reason, StringComparison.Ordinal);
        Assert.True(first.Accepted, first.Reason);
        Assert.False(second.Accepted);
        var rows = await study.GetTrialsAsync(new TrialQuery(0, 10, TrialStatus.Completed));
        Assert.Equal(0.5, rows.Single(t => t.TrialId == trial.TrialId).Metrics["accuracy"]);
    }

    [Fact]
    public async Task CompleteAsync_Failure_RecordsTheFailedTrialWithTheWorkersReason()
    {
        var study = await SubmitAsync(External("asktell-fail", trials: 3));
        var trial = (await AskTell.SuggestAsync("asktell-fail", "w1", 1)).Trials.Single();

        var told = await AskTell.CompleteAsync("asktell-fail", trial.TrialId, trial.LeaseId, new Dictionary<string, double>(), "out of memory");

        Assert.True(told.Accepted, told.Reason);
        var row = (await study.GetTrialsAsync(new TrialQuery(0, 10, TrialStatus.Failed))).Single();
        Assert.Equal("out of memory", row.Error);
    }

    [Fact]
    public async Task HeartbeatAsync_TrialPastItsTimeout_StopsItAndRecordsItFailed()
    {
        var study = await SubmitAsync(External("asktell-timeout", trials: 2, timeout: 0.3));
        var trial = (await AskTell.SuggestAsync("asktell-timeout", "w1", 1)).Trials.Single();
        Assert.Equal(HeartbeatReply.Continue, await AskTell.HeartbeatAsync("asktell-timeout", trial.TrialId, trial.LeaseId));

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var beat = await AskTell.HeartbeatAsync("asktell-timeout", trial.TrialId, trial.LeaseId);
        var late = await AskTell.CompleteAsync("asktell-timeout", trial.TrialId, trial.LeaseId, new Dictionary<string, double> { ["accuracy"] = 1 }, null);

        Assert.Equal(HeartbeatReply.Stop, beat);
        Assert.False(late.Accepted);
        var row = (await study.GetTrialsAsync(new TrialQuery(0, 10, TrialStatus.Failed))).Single();
        Assert.StartsWith("trial_timeout:", row.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestAsync_BadArgumentsOrAClusterTrainedStudy_AreRefusedWithTheFix()
    {
        await SubmitAsync(External("asktell-args", trials: 2));
        var inCluster = new StudySpecBuilder("asktell-incluster").Maximize("validation_accuracy").AddInteger("c", 1, 6)
            .WithAlgorithm("random", 1).WithTrainer("synthetic").WithBudget(2).Build();
        await SubmitAsync(inCluster);

        var badClient = await Assert.ThrowsAsync<ArgumentException>(() => AskTell.SuggestAsync("asktell-args", "w 1", 1));
        var badCount = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AskTell.SuggestAsync("asktell-args", "w1", 65));
        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(() => AskTell.SuggestAsync("asktell-nosuch", "w1", 1));
        var internalStudy = await Assert.ThrowsAsync<InvalidOperationException>(() => AskTell.SuggestAsync("asktell-incluster", "w1", 1));

        Assert.Contains("client_id", badClient.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 64", badCount.Message, StringComparison.Ordinal);
        Assert.Contains("create it first", missing.Message, StringComparison.Ordinal);
        Assert.Contains("kind: external", internalStudy.Message, StringComparison.Ordinal);
    }
}
