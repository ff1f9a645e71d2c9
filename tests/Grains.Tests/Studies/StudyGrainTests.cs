using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage;

namespace NasOrleans.Grains.Tests.Studies;

[Collection(ClusterCollection.Name)]
public class StudyGrainTests(ClusterFixture fixture)
{
    private static StudySpecBuilder Synthetic(string name, string algorithm = "random", int trials = 30, int parallel = 4, ulong seed = 1) =>
        new StudySpecBuilder(name)
            .Maximize("validation_accuracy")
            .AddCategorical("a", ["0", "1", "2", "3", "4", "5"])
            .AddCategorical("b", ["0", "1", "2", "3", "4", "5"])
            .AddInteger("c", 1, 6)
            .WithAlgorithm(algorithm, seed)
            .WithTrainer("synthetic")
            .WithBudget(trials, parallel);

    private IStudyGrain Study(string name) => fixture.Client.GetGrain<IStudyGrain>(name);

    private Task<StudySummary> RunToEndAsync(StudySpec spec) => fixture.RunToEndAsync(spec, TimeSpan.FromSeconds(60));

    [Fact]
    public async Task SubmitAsync_Nb201Replay_TrainsExactlyTheBudgetAndReportsTheBest()
    {
        var spec = new StudySpecBuilder("nb201-grain-random")
            .Maximize("validation_accuracy")
            .WithSpace("nb201")
            .WithAlgorithm("random", seed: 3)
            .WithTrainer("nb201-replay")
            .WithBudget(40, parallel: 4)
            .Build();

        var summary = await RunToEndAsync(spec);
        var trials = await Study(spec.Name).GetTrialsAsync(new TrialQuery(0, 1000));
        var best = await Study(spec.Name).GetBestAsync(3);

        Assert.Equal(StudyStatus.Completed, summary.Status);
        var trained = trials.Where(t => t.SourceTrialId is null).ToList();
        Assert.Equal(40, trained.Count);
        Assert.All(trained, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.Equal(trained.Count, trained.Select(t => t.CanonicalKey).Distinct().Count());
        Assert.Equal(trained.Max(t => t.Metrics["validation_accuracy"]), best[0].Metrics["validation_accuracy"]);
        Assert.True(best[0].Metrics.ContainsKey("test_accuracy"));
        Assert.Equal(best[0].TrialId, summary.BestTrialId);
        Assert.Equal(Nb201Space.ToArchString(Core.Spaces.Architecture.FromKey(best[0].ArchitectureKey)), best[0].Display);
        Assert.NotEmpty(summary.DataChecksums);
    }

    [Fact]
    public async Task SubmitAsync_SameSeedOneTrialAtATime_ReplaysTheSameSequence()
    {
        var first = await RunToEndAsync(Synthetic("replay-a", "evolution", trials: 25, parallel: 1, seed: 11).Build());
        var second = await RunToEndAsync(Synthetic("replay-b", "evolution", trials: 25, parallel: 1, seed: 11).Build());
        var a = await Study(first.StudyId).GetTrialsAsync(new TrialQuery(0, 1000));
        var b = await Study(second.StudyId).GetTrialsAsync(new TrialQuery(0, 1000));

        Assert.Equal(a.Select(t => t.ArchitectureKey), b.Select(t => t.ArchitectureKey));
        Assert.Equal(a.Select(t => t.Status), b.Select(t => t.Status));
    }

    [Fact]
    public async Task SubmitAsync_EvolutionOnSmallSpace_AnswersRepeatsFromTheLedger()
    {
        var summary = await RunToEndAsync(Synthetic("evolution-small", "evolution", trials: 120, parallel: 2).Build());
        var trials = await Study(summary.StudyId).GetTrialsAsync(new TrialQuery(0, 10_000));

        Assert.Equal(StudyStatus.Completed, summary.Status);
        Assert.Equal(120, trials.Count(t => t.SourceTrialId is null));
        Assert.True(summary.Cached > 0);
        Assert.All(trials.Where(t => t.Status == TrialStatus.Cached), t =>
            Assert.Equal(trials.Single(s => s.TrialId == t.SourceTrialId).Score, t.Score));
    }

    [Fact]
    public async Task SubmitAsync_InvalidSpec_ListsProblemsAndStoresNothing()
    {
        var spec = Synthetic("bad-study").Build();
        var json = StudySpecJson.Serialize(spec).Replace("\"max_trials\":30", "\"max_trials\":0", StringComparison.Ordinal);

        var result = await Study("bad-study").SubmitAsync(json);

        Assert.False(result.Accepted);
        Assert.Contains(result.Errors, e => e.StartsWith("budget.max_trials", StringComparison.Ordinal));
        Assert.Equal(StudyStatus.NotFound, (await Study("bad-study").GetStatusAsync()).Status);
    }

    [Fact]
    public async Task SubmitAsync_DataThatCannotBeRead_IsRefusedAtSubmitAndStoresNothing()
    {
        var spec = new StudySpecBuilder("missing-table")
            .Maximize("validation_accuracy")
            .WithSpace("nb201")
            .WithAlgorithm("random", 1)
            .WithTrainer(Nb201ReplayTrainer.KindName, ("table", "/nonexistent/nb201.csv"))
            .WithBudget(5)
            .Build();

        var result = await Study("missing-table").SubmitAsync(StudySpecJson.Serialize(spec));

        Assert.False(result.Accepted);
        Assert.Contains(result.Errors, e => e.Contains("'/nonexistent/nb201.csv', which does not exist", StringComparison.Ordinal));
        Assert.Equal(StudyStatus.NotFound, (await Study("missing-table").GetStatusAsync()).Status);
    }

    [Fact]
    public async Task SubmitAsync_SameNameDifferentSpec_IsRefusedAndKeepsTheFirst()
    {
        var first = await RunToEndAsync(Synthetic("taken", trials: 5).Build());

        var other = await Study("taken").SubmitAsync(StudySpecJson.Serialize(Synthetic("taken", trials: 6).Build()));
        var same = await Study("taken").SubmitAsync(StudySpecJson.Serialize(Synthetic("taken", trials: 5).Build()));

        Assert.False(other.Accepted);
        Assert.Contains("already exists", other.Errors.Single(), StringComparison.Ordinal);
        Assert.True(same.Accepted);
        Assert.Equal(first.SpecHash, (await Study("taken").GetStatusAsync()).SpecHash);
    }

    [Fact]
    public async Task CancelAsync_RunningStudy_StopsItAndKeepsCompletedTrials()
    {
        var spec = Synthetic("to-cancel", trials: 200, parallel: 2).WithTrainer("synthetic", ("duration_ms", "50")).Build();
        var study = Study(spec.Name);
        Assert.True((await study.SubmitAsync(StudySpecJson.Serialize(spec))).Accepted);
        while ((await study.GetStatusAsync()).Completed < 2)
        {
            await Task.Delay(20);
        }

        var cancelled = await study.CancelAsync();
        var trials = await study.GetTrialsAsync(new TrialQuery(0, 1000));

        Assert.Equal(StudyStatus.Cancelled, cancelled.Status);
        Assert.True(cancelled.Completed >= 2);
        Assert.DoesNotContain(trials, t => t.Status is TrialStatus.Pending or TrialStatus.Running);
    }

    [Fact]
    public async Task RecordAsync_EveryTrainedTrial_AppendsOneCompletionFromItsLease()
    {
        var summary = await RunToEndAsync(Synthetic("completion-log", trials: 12, parallel: 3).Build());
        var control = fixture.Cluster.Silos.Single(s => s.Name == fixture.ControlSiloName);
        var log = Assert.IsAssignableFrom<ICompletionLog>(fixture.Cluster.GetSiloServiceProvider(control.SiloAddress).GetRequiredService<ITrialStore>());

        var trials = await Study(summary.StudyId).GetTrialsAsync(new TrialQuery(0, 1000));
        var entries = await log.GetCompletionsAsync(summary.StudyId);

        Assert.Equal(StudyStatus.Completed, summary.Status);
        Assert.Equal(trials.Where(t => t.SourceTrialId is null).Select(t => t.TrialId).Order(), entries.Select(e => e.TrialId).Order());
        Assert.All(entries, e => Assert.NotNull(e.LeaseId));
        Assert.All(entries, e => Assert.Equal(TrialStatus.Completed, e.Status));
        Assert.Empty(await log.GetRecordedTwiceAsync(summary.StudyId));
    }

    [Fact]
    public async Task ResyncAsync_ResultsRecordedByAnotherActivation_AdoptsThemAndCompletes()
    {
        // Trials that would train for ten minutes: only the read-back can finish this study within the test.
        var spec = Synthetic("store-ahead", trials: 2, parallel: 2).WithTrainer("synthetic", ("duration_ms", "600000")).Build();
        var study = Study(spec.Name);
        Assert.True((await study.SubmitAsync(StudySpecJson.Serialize(spec))).Accepted);
        await WaitForAsync(study, s => s.Running == 2, "both trials running");
        var control = fixture.Cluster.Silos.Single(s => s.Name == fixture.ControlSiloName);
        var store = fixture.Cluster.GetSiloServiceProvider(control.SiloAddress).GetRequiredService<ITrialStore>();
        var running = (await store.GetAllTrialsAsync(spec.Name)).Where(t => t.Status == TrialStatus.Running).ToList();
        Assert.Equal(2, running.Count);

        // What an overlapping activation of the study leaves behind: the rows recorded as finished, behind this one's back.
        await store.UpsertTrialsAsync([.. running.Select(t => t with
        {
            Status = TrialStatus.Completed,
            Metrics = new Dictionary<string, double> { ["validation_accuracy"] = 40 + t.TrialId },
            Score = 40 + t.TrialId,
            Feasible = true,
            FinishedAt = DateTimeOffset.UtcNow,
        })]);
        var summary = await WaitForAsync(study, s => s.Status != StudyStatus.Running, "the study to end");

        Assert.Equal(StudyStatus.Completed, summary.Status);
        Assert.Equal(2, summary.Completed);
        Assert.Equal(0, summary.Running);
        Assert.Equal(40 + running.Max(t => t.TrialId), summary.BestScore);
    }

    private static Task<StudySummary> WaitForAsync(IStudyGrain study, Func<StudySummary, bool> done, string what) => StudyWaits.WaitForAsync(study, done, what);

    [Fact]
    public async Task DeleteAsync_FinishedStudy_RemovesTrialsAndState()
    {
        var summary = await RunToEndAsync(Synthetic("to-delete", trials: 5).Build());

        await Study(summary.StudyId).DeleteAsync();

        Assert.Equal(StudyStatus.NotFound, (await Study(summary.StudyId).GetStatusAsync()).Status);
        Assert.Empty(await Study(summary.StudyId).GetTrialsAsync(new TrialQuery(0, 100)));
        var again = await RunToEndAsync(Synthetic("to-delete", trials: 6).Build());
        Assert.Equal(StudyStatus.Completed, again.Status);
    }

    [Fact]
    public async Task SubmitAsync_FailingTrials_EndsFailedPastTheLimit()
    {
        var spec = Synthetic("failing", trials: 30, parallel: 1).WithTrainer("synthetic", ("failure_rate", "1")).WithBudget(30, 1, 2).Build();

        var summary = await RunToEndAsync(spec);

        Assert.Equal(StudyStatus.Failed, summary.Status);
        Assert.Equal(3, summary.Failed);
        Assert.Contains("max_failed_trials", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_FirstThreeTrialsFailAlike_EndsFailedEarlyWithThatError()
    {
        var spec = Synthetic("same-failure", trials: 30, parallel: 1).WithTrainer("synthetic", ("failure_rate", "1")).Build();

        var summary = await RunToEndAsync(spec);

        Assert.Equal(StudyStatus.Failed, summary.Status);
        Assert.Equal(3, summary.Failed);
        Assert.Contains("synthetic failure (failure_rate)", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_EveryTrialFailed_EndsFailedNotCompleted()
    {
        var spec = Synthetic("all-failed", trials: 2, parallel: 1).WithTrainer("synthetic", ("failure_rate", "1")).WithBudget(2, 1, 10).Build();

        var summary = await RunToEndAsync(spec);

        Assert.Equal(StudyStatus.Failed, summary.Status);
        Assert.Equal(2, summary.Failed);
        Assert.Contains("synthetic failure (failure_rate)", summary.Message, StringComparison.Ordinal);
    }
}
