using NasOrleans.Grains.Interfaces.Messages;
using static NasOrleans.Storage.Tests.TestRecords;

namespace NasOrleans.Storage.Tests;

/// <summary>The behaviour every <see cref="ITrialStore"/> shares; run against each implementation.</summary>
public abstract partial class TrialStoreContractTests : IAsyncLifetime
{
    protected ITrialStore Store { get; private set; } = null!;

    protected abstract Task<ITrialStore> CreateStoreAsync();

    public virtual async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        switch (Store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    [Fact]
    public async Task GetTrialAsync_AfterUpsert_ReturnsEveryField()
    {
        var metrics = new Dictionary<string, double>
        {
            ["accuracy"] = 0.1 + 0.2,
            ["tiny"] = double.Epsilon,
            ["huge"] = double.MaxValue,
            ["pi"] = Math.PI,
            ["third"] = 1.0 / 3.0,
            ["nan"] = double.NaN,
            ["inf"] = double.PositiveInfinity,
            ["-inf"] = double.NegativeInfinity,
        };
        var trial = Completed("s", 7, 0.987654321012345) with
        {
            Metrics = metrics,
            Attempt = 3,
            SourceTrialId = 2,
            Error = "none",
            Display = "conv3x3 | skip",
            CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567),
        };

        await Store.UpsertTrialsAsync([trial]);
        var stored = await Store.GetTrialAsync("s", 7);

        Assert.NotNull(stored);
        Assert.Equal(trial with { Metrics = stored.Metrics }, stored);
        Assert.Equal(metrics.Count, stored.Metrics.Count);
        foreach (var (name, value) in metrics)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(stored.Metrics[name]));
        }
    }

    [Fact]
    public async Task UpsertTrialsAsync_SameKeyTwice_ReplacesTheRow()
    {
        await Store.UpsertTrialsAsync([Trial("s", 1), Trial("s", 2)]);
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5)]);

        var all = await Store.GetAllTrialsAsync("s");

        Assert.Equal([1L, 2L], all.Select(t => t.TrialId));
        Assert.Equal(TrialStatus.Completed, all[0].Status);
        Assert.Equal(0.5, all[0].Score);
        Assert.Equal(0.5, all[0].Metrics["accuracy"]);
        Assert.Equal(TrialStatus.Pending, all[1].Status);
    }

    [Fact]
    public async Task UpsertTrialsAsync_EmptyBatch_WritesNothing()
    {
        await Store.UpsertTrialsAsync([]);

        Assert.Empty(await Store.GetAllTrialsAsync("s"));
    }

    [Fact]
    public async Task UpsertTrialsAsync_MetricsMutatedAfterwards_StoredRowUnchanged()
    {
        var metrics = new Dictionary<string, double> { ["accuracy"] = 0.25 };
        await Store.UpsertTrialsAsync([Trial("s", 1, metrics: metrics)]);
        metrics["accuracy"] = 0.75;

        var stored = await Store.GetTrialAsync("s", 1);

        Assert.Equal(0.25, stored!.Metrics["accuracy"]);
    }

    [Fact]
    public async Task UpsertTrialsAsync_NaNScore_IsStoredAsNull()
    {
        await Store.UpsertTrialsAsync([Completed("s", 1, double.NaN)]);

        Assert.Null((await Store.GetTrialAsync("s", 1))!.Score);
    }

    [Fact]
    public async Task GetTrialAsync_Missing_ReturnsNull()
    {
        await Store.UpsertTrialsAsync([Trial("s", 1)]);

        Assert.Null(await Store.GetTrialAsync("s", 2));
        Assert.Null(await Store.GetTrialAsync("other", 1));
    }

    [Fact]
    public async Task GetTrialsAsync_ById_PagesInTrialIdOrder()
    {
        await Store.UpsertTrialsAsync([.. Enumerable.Range(1, 25).Reverse().Select(i => Trial("s", i))]);
        await Store.UpsertTrialsAsync([Trial("other", 100)]);

        var first = await Store.GetTrialsAsync("s", new TrialQuery(0, 10));
        var last = await Store.GetTrialsAsync("s", new TrialQuery(20, 10));
        var beyond = await Store.GetTrialsAsync("s", new TrialQuery(30, 10));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), first.Select(t => t.TrialId));
        Assert.Equal(Enumerable.Range(21, 5).Select(i => (long)i), last.Select(t => t.TrialId));
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task GetTrialsAsync_StatusFilter_ReturnsOnlyThatStatus()
    {
        await Store.UpsertTrialsAsync(
            [Trial("s", 1), Completed("s", 2, 0.1), Trial("s", 3, TrialStatus.Failed), Completed("s", 4, 0.2), Trial("s", 5, TrialStatus.Running)]);

        var completed = await Store.GetTrialsAsync("s", new TrialQuery(0, 10, TrialStatus.Completed));
        var failed = await Store.GetTrialsAsync("s", new TrialQuery(0, 10, TrialStatus.Failed));
        var secondCompleted = await Store.GetTrialsAsync("s", new TrialQuery(1, 10, TrialStatus.Completed));

        Assert.Equal([2L, 4L], completed.Select(t => t.TrialId));
        Assert.Equal([3L], failed.Select(t => t.TrialId));
        Assert.Equal([4L], secondCompleted.Select(t => t.TrialId));
    }

    [Fact]
    public async Task GetTrialsAsync_ByScore_RanksCompletedFeasibleTrialsBestFirst()
    {
        await Store.UpsertTrialsAsync(
        [
            Completed("s", 1, 0.50),
            Completed("s", 2, 0.90),
            Completed("s", 3, 0.99, feasible: false),
            Trial("s", 4, TrialStatus.Failed, score: 1.0),
            Completed("s", 5, 0.90),
            Trial("s", 6, TrialStatus.Cached, score: 0.95),
            Completed("s", 7, double.NaN),
            Completed("s", 8, -1.0),
            Completed("other", 9, 2.0),
        ]);

        var ranked = await Store.GetTrialsAsync("s", new TrialQuery(0, 10, Order: TrialOrder.ByScore));
        var second = await Store.GetTrialsAsync("s", new TrialQuery(1, 2, Order: TrialOrder.ByScore));
        var withCompleted = await Store.GetTrialsAsync("s", new TrialQuery(0, 10, TrialStatus.Completed, TrialOrder.ByScore));

        Assert.Equal([2L, 5L, 1L, 8L, 7L], ranked.Select(t => t.TrialId));
        Assert.Equal([5L, 1L], second.Select(t => t.TrialId));
        Assert.Equal(ranked.Select(t => t.TrialId), withCompleted.Select(t => t.TrialId));
    }

    [Fact]
    public async Task GetTrialsAsync_ByScoreWithAnotherStatus_ReturnsNothing()
    {
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5), Trial("s", 2, TrialStatus.Failed, score: 0.4)]);

        Assert.Empty(await Store.GetTrialsAsync("s", new TrialQuery(0, 10, TrialStatus.Failed, TrialOrder.ByScore)));
    }

    [Fact]
    public async Task GetTrialsAsync_ZeroLimit_ReturnsNothing()
    {
        await Store.UpsertTrialsAsync([Trial("s", 1)]);

        Assert.Empty(await Store.GetTrialsAsync("s", new TrialQuery(0, 0)));
    }

    [Fact]
    public async Task GetTrialsAsync_NegativeOffset_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetTrialsAsync("s", new TrialQuery(-1, 10)));
    }

    [Fact]
    public async Task GetStudyAsync_AfterUpsert_ReturnsEveryField()
    {
        var study = Study("s", Epoch) with
        {
            Seed = ulong.MaxValue,
            DataChecksums = new Dictionary<string, string> { ["train"] = "abc", ["test"] = "def" },
            Completed = 5,
            Failed = 1,
            Cached = 2,
            Running = 3,
            Pending = 4,
            BestTrialId = 9,
            BestScore = 0.1 + 0.7,
            Message = "going well",
            Status = StudyStatus.Exhausted,
            UpdatedAt = Epoch.AddTicks(1),
        };

        await Store.UpsertStudyAsync(study);
        var stored = await Store.GetStudyAsync("s");

        Assert.NotNull(stored);
        Assert.Equal(study with { DataChecksums = stored.DataChecksums }, stored);
        Assert.Equal(study.DataChecksums, stored.DataChecksums);
        Assert.Null(await Store.GetStudyAsync("missing"));
    }

    [Fact]
    public async Task UpsertStudyAsync_Existing_ReplacesTheRow()
    {
        await Store.UpsertStudyAsync(Study("s", Epoch));
        await Store.UpsertStudyAsync(Study("s", Epoch) with { Status = StudyStatus.Completed, Completed = 100, BestScore = null });

        var stored = await Store.GetStudyAsync("s");

        Assert.Equal(StudyStatus.Completed, stored!.Status);
        Assert.Equal(100, stored.Completed);
        Assert.Single(await Store.ListStudiesAsync());
    }

    [Fact]
    public async Task ListStudiesAsync_SeveralStudies_NewestFirst()
    {
        await Store.UpsertStudyAsync(Study("middle", Epoch.AddHours(1)));
        await Store.UpsertStudyAsync(Study("oldest", Epoch));
        await Store.UpsertStudyAsync(Study("newest", Epoch.AddDays(1)));

        var studies = await Store.ListStudiesAsync();

        Assert.Equal(["newest", "middle", "oldest"], studies.Select(s => s.StudyId));
    }

    [Fact]
    public async Task DeleteStudyAsync_RemovesTheStudyAndItsTrialsOnly()
    {
        await Store.UpsertStudyAsync(Study("gone", Epoch));
        await Store.UpsertStudyAsync(Study("kept", Epoch));
        await Store.UpsertTrialsAsync([Trial("gone", 1), Trial("gone", 2), Trial("kept", 1)]);

        await Store.DeleteStudyAsync("gone");

        Assert.Null(await Store.GetStudyAsync("gone"));
        Assert.Empty(await Store.GetAllTrialsAsync("gone"));
        Assert.NotNull(await Store.GetStudyAsync("kept"));
        Assert.Single(await Store.GetAllTrialsAsync("kept"));
    }

    [Fact]
    public async Task UpsertTrialsAsync_ConcurrentWriters_LoseNothing()
    {
        const int Writers = 8, Batches = 25, BatchSize = 10;
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < Batches; b++)
            {
                var ids = Enumerable.Range(0, BatchSize).Select(i => (long)((((w * Batches) + b) * BatchSize) + i)).ToList();
                await Store.UpsertTrialsAsync([.. ids.Select(id => Trial("s", id))]);
                await Store.UpsertTrialsAsync([.. ids.Select(id => Completed("s", id, id / 1000.0))]);
            }
        }));

        await Task.WhenAll(tasks);
        var all = await Store.GetAllTrialsAsync("s");

        Assert.Equal(Writers * Batches * BatchSize, all.Count);
        Assert.All(all, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.Equal(Enumerable.Range(0, all.Count).Select(i => (long)i), all.Select(t => t.TrialId));
    }

    [Fact]
    public async Task AppendMeasurementsAsync_StepsOutOfOrderAndRepeated_ReadBackByStepLastWins()
    {
        var measurements = (IMeasurementStore)Store;
        await measurements.AppendMeasurementsAsync([Measurement("s", 1, 2, 0.6), Measurement("s", 1, 1, 0.5), Measurement("s", 2, 1, 0.1)]);
        await measurements.AppendMeasurementsAsync([Measurement("s", 1, 2, 0.7)]);

        var curve = await measurements.GetMeasurementsAsync("s", 1);

        Assert.Equal([1L, 2L], curve.Select(m => m.Step));
        Assert.Equal([0.5, 0.7], curve.Select(m => m.Metrics["accuracy"]));
        Assert.Equal(Epoch.AddSeconds(2), curve[1].RecordedAt);
        Assert.Empty(await measurements.GetMeasurementsAsync("s", 3));
    }

    [Fact]
    public async Task DeleteStudyAsync_WithMeasurements_DeletesThemToo()
    {
        var measurements = (IMeasurementStore)Store;
        await measurements.AppendMeasurementsAsync([Measurement("gone", 1, 1, 0.5), Measurement("kept", 1, 1, 0.5)]);

        await Store.DeleteStudyAsync("gone");

        Assert.Empty(await measurements.GetMeasurementsAsync("gone", 1));
        Assert.Single(await measurements.GetMeasurementsAsync("kept", 1));
    }

    [Fact]
    public async Task RecordCompletionsAsync_OneCompletion_LogsItAndNothingIsRecordedTwice()
    {
        var log = (ICompletionLog)Store;
        var lease = Guid.NewGuid();
        var entry = Completion("s", 1, lease, Epoch.AddTicks(1234567));

        await log.RecordCompletionsAsync([Completed("s", 1, 0.5), Completed("s", 2, 0.5) with { SourceTrialId = 1 }], [entry]);

        Assert.Equal(entry, Assert.Single(await log.GetCompletionsAsync("s")));
        Assert.Empty(await log.GetRecordedTwiceAsync("s"));
        Assert.Equal([1L, 2L], (await Store.GetAllTrialsAsync("s")).Select(t => t.TrialId));
    }

    [Fact]
    public async Task RecordCompletionsAsync_SameTrialRecordedTwice_IsRecordedTwiceAndStillOneRow()
    {
        var log = (ICompletionLog)Store;
        await log.RecordCompletionsAsync([Completed("s", 1, 0.5)], [Completion("s", 1, Guid.NewGuid(), Epoch)]);
        await log.RecordCompletionsAsync([Completed("s", 2, 0.6)], [Completion("s", 2, Guid.NewGuid(), Epoch)]);
        await log.RecordCompletionsAsync([Completed("other", 1, 0.6)], [Completion("other", 1, Guid.NewGuid(), Epoch)]);

        // The forced fault: the same trial recorded again, as a stale lease's completion would be.
        await log.RecordCompletionsAsync([Completed("s", 1, 0.7)], [Completion("s", 1, Guid.NewGuid(), Epoch.AddSeconds(1))]);

        var twice = await log.GetRecordedTwiceAsync("s");
        Assert.Equal(1L, Assert.Single(twice).Key);
        Assert.Equal(2, twice[1]);
        Assert.Equal([1L, 1L, 2L], (await log.GetCompletionsAsync("s")).Select(e => e.TrialId).Order());
        Assert.Equal([1L, 2L], (await Store.GetAllTrialsAsync("s")).Select(t => t.TrialId));
        Assert.Equal(0.7, (await Store.GetTrialAsync("s", 1))!.Score);
        Assert.Empty(await log.GetRecordedTwiceAsync("other"));
    }

    [Fact]
    public async Task RecordCompletionsAsync_SameTrialTwiceInOneCall_KeepsBothEntries()
    {
        var log = (ICompletionLog)Store;
        var lease = Guid.NewGuid();

        await log.RecordCompletionsAsync([Completed("s", 1, 0.5)], [Completion("s", 1, lease, Epoch), Completion("s", 1, lease, Epoch)]);

        Assert.Equal(2, (await log.GetRecordedTwiceAsync("s"))[1]);
        Assert.Equal(2, (await log.GetCompletionsAsync("s")).Count);
    }

    [Fact]
    public async Task UpsertTrialsAsync_CompletedTrialWrittenTwice_AppendsNothingToTheLog()
    {
        var log = (ICompletionLog)Store;

        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5)]);
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5)]);

        Assert.Empty(await log.GetCompletionsAsync("s"));
        Assert.Empty(await log.GetRecordedTwiceAsync("s"));
    }

    [Fact]
    public async Task DeleteStudyAsync_WithCompletions_DeletesTheLogToo()
    {
        var log = (ICompletionLog)Store;
        await log.RecordCompletionsAsync(
            [Completed("gone", 1, 0.5), Completed("kept", 1, 0.5)],
            [Completion("gone", 1, null, Epoch), Completion("gone", 1, null, Epoch), Completion("kept", 1, null, Epoch)]);

        await Store.DeleteStudyAsync("gone");

        Assert.Empty(await log.GetCompletionsAsync("gone"));
        Assert.Empty(await log.GetRecordedTwiceAsync("gone"));
        Assert.Single(await log.GetCompletionsAsync("kept"));
    }

    private static CompletionLogEntry Completion(string study, long trial, Guid? lease, DateTimeOffset at) => new()
    {
        StudyId = study,
        TrialId = trial,
        LeaseId = lease,
        Attempt = 2,
        Status = TrialStatus.Completed,
        RecordedAt = at,
    };

    private static TrialMeasurement Measurement(string study, long trial, long step, double accuracy) => new()
    {
        StudyId = study,
        TrialId = trial,
        Step = step,
        Metrics = new Dictionary<string, double> { ["accuracy"] = accuracy },
        RecordedAt = Epoch.AddSeconds(step),
    };
}
