using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Studies;

namespace NasOrleans.Grains.Tests.Studies;

public class StudyLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static StudySpec Spec(int maxTrials = 3, int parallel = 2, int maxFailed = 1) => new StudySpecBuilder("ledger")
        .Maximize("validation_accuracy")
        .AddConstraint("params", max: 100)
        .AddCategorical("x", ["a", "b", "c", "d", "e", "f"])
        .WithAlgorithm("random")
        .WithTrainer("synthetic")
        .WithBudget(maxTrials, parallel, maxFailed)
        .Build();

    private static TrialCompletion Done(long trialId, double accuracy, double parameters = 10, bool ok = true) => new()
    {
        LeaseId = Guid.NewGuid(),
        Task = new TrialTask("ledger", trialId, "0", "h"),
        Succeeded = ok,
        Metrics = new Dictionary<string, double> { ["validation_accuracy"] = accuracy, ["params"] = parameters },
        Error = ok ? null : "boom",
        Trainer = "t",
    };

    [Fact]
    public void Capacity_RespectsParallelAndBudget()
    {
        var ledger = new StudyLedger(Spec(maxTrials: 3, parallel: 2), []);
        Assert.Equal(2, ledger.Capacity);

        ledger.AddProposal(1, "0", "k0", "x=a", Now);
        ledger.AddProposal(2, "1", "k1", "x=b", Now);
        Assert.Equal(0, ledger.Capacity);

        ledger.Complete(Done(1, 80), Now);
        Assert.Equal(1, ledger.Capacity);
        ledger.AddProposal(3, "2", "k2", "x=c", Now);
        ledger.Complete(Done(2, 70), Now);
        Assert.Equal(0, ledger.Capacity);
    }

    [Fact]
    public void Adopt_FinishedRowFromTheStore_ReplacesTheOutstandingTrialOnce()
    {
        var ledger = new StudyLedger(Spec(), []);
        var proposed = ledger.AddProposal(1, "0", "k0", "x=a", Now);
        var stored = proposed with { Status = TrialStatus.Completed, Score = 75, Metrics = new Dictionary<string, double> { ["validation_accuracy"] = 75 }, FinishedAt = Now };

        var changed = ledger.Adopt(stored, Now);
        var again = ledger.Adopt(stored, Now);

        Assert.Equal([stored], changed);
        Assert.Empty(again);
        Assert.Equal(1, ledger.Completed);
        Assert.Equal(0, ledger.InFlight);
        Assert.Empty(ledger.Outstanding);
        Assert.Equal(75, ledger.Best?.Score);
    }

    [Fact]
    public void Adopt_RowStillRunningInTheStore_ChangesNothing()
    {
        var ledger = new StudyLedger(Spec(), []);
        var proposed = ledger.AddProposal(1, "0", "k0", "x=a", Now);

        var changed = ledger.Adopt(proposed with { Status = TrialStatus.Running }, Now);

        Assert.Empty(changed);
        Assert.Single(ledger.Outstanding);
        Assert.Equal(0, ledger.Completed);
    }

    [Fact]
    public void AddProposal_ArchitectureAlreadyTrained_IsCachedWithItsResultAndCostsNoBudget()
    {
        var ledger = new StudyLedger(Spec(), []);
        ledger.AddProposal(1, "0", "same", "x=a", Now);
        ledger.Complete(Done(1, 80), Now);

        var cached = ledger.AddProposal(2, "0", "same", "x=a", Now);

        Assert.Equal(TrialStatus.Cached, cached.Status);
        Assert.Equal(1, cached.SourceTrialId);
        Assert.Equal(80, cached.Score);
        Assert.Equal(1, ledger.Trained);
        Assert.Equal(1, ledger.Cached);
        Assert.Equal(1, ledger.ConsecutiveCached);
    }

    [Fact]
    public void Complete_SourceOfWaitingDuplicate_ResolvesTheDuplicateToo()
    {
        var ledger = new StudyLedger(Spec(), []);
        ledger.AddProposal(1, "0", "same", "x=a", Now);
        var waiting = ledger.AddProposal(2, "0", "same", "x=a", Now);
        Assert.Equal(TrialStatus.Pending, waiting.Status);

        var changed = ledger.Complete(Done(1, 75), Now);

        Assert.Equal([1L, 2L], changed.Select(t => t.TrialId));
        Assert.Equal(TrialStatus.Cached, changed[1].Status);
        Assert.Equal(0, ledger.Waiting);
    }

    [Fact]
    public void Start_PendingTrial_MarksItRunningWithTheLeasesAttempt()
    {
        var ledger = new StudyLedger(Spec(), []);
        ledger.AddProposal(1, "0", "k0", "x=a", Now);

        var first = ledger.Start(new TrialStart(1, Guid.NewGuid(), 1, "slot-a"));
        var repeated = ledger.Start(new TrialStart(1, Guid.NewGuid(), 1, "slot-a"));
        var restarted = ledger.Start(new TrialStart(1, Guid.NewGuid(), 2, "slot-b"));

        Assert.Equal(TrialStatus.Running, first!.Status);
        Assert.Null(repeated);
        Assert.Equal(2, restarted!.Attempt);
        Assert.Equal("slot-b", restarted.Trainer);
        Assert.Equal(1, ledger.Running);
        Assert.Equal(1, ledger.InFlight);
    }

    [Fact]
    public void Complete_RunningTrialFromAnEarlierAttempt_KeepsTheHighestAttemptAndLeavesNothingRunning()
    {
        var ledger = new StudyLedger(Spec(), []);
        ledger.AddProposal(1, "0", "k0", "x=a", Now);
        ledger.Start(new TrialStart(1, Guid.NewGuid(), 2, "slot-b"));

        var row = ledger.Complete(Done(1, 80) with { Attempt = 1 }, Now).Single();

        Assert.Equal(TrialStatus.Completed, row.Status);
        Assert.Equal(2, row.Attempt);
        Assert.Equal(0, ledger.Running);
        Assert.Null(ledger.Start(new TrialStart(1, Guid.NewGuid(), 3, "slot-c")));
    }

    [Fact]
    public void Complete_SameTrialTwice_RecordedOnce()
    {
        var ledger = new StudyLedger(Spec(), []);
        ledger.AddProposal(1, "0", "k", "x=a", Now);

        Assert.Single(ledger.Complete(Done(1, 80), Now));
        Assert.Empty(ledger.Complete(Done(1, 90), Now));
        Assert.Equal(80, ledger.Get(1)!.Score);
        Assert.Equal(1, ledger.Completed);
    }

    [Fact]
    public void Complete_ConstraintViolated_IsInfeasibleAndNotBest()
    {
        var ledger = new StudyLedger(Spec(), []);
        ledger.AddProposal(1, "0", "k0", "x=a", Now);
        ledger.AddProposal(2, "1", "k1", "x=b", Now);

        ledger.Complete(Done(1, 99, parameters: 1000), Now);
        ledger.Complete(Done(2, 60), Now);

        Assert.False(ledger.Get(1)!.Feasible);
        Assert.Equal(2, ledger.Best!.TrialId);
    }

    [Fact]
    public void Complete_MissingObjectiveMetric_FailsWithReason()
    {
        var ledger = new StudyLedger(Spec(), []);
        ledger.AddProposal(1, "0", "k0", "x=a", Now);
        var done = Done(1, 0) with { Metrics = new Dictionary<string, double> { ["loss"] = 1 } };

        var trial = ledger.Complete(done, Now).Single();

        Assert.Equal(TrialStatus.Failed, trial.Status);
        Assert.Contains("validation_accuracy", trial.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyFailures_AboveMaxFailed_IsTrue()
    {
        var ledger = new StudyLedger(Spec(maxTrials: 5, parallel: 5, maxFailed: 1), []);
        ledger.AddProposal(1, "0", "k0", "x=a", Now);
        ledger.AddProposal(2, "1", "k1", "x=b", Now);

        ledger.Complete(Done(1, 0, ok: false), Now);
        Assert.False(ledger.TooManyFailures);
        ledger.Complete(Done(2, 0, ok: false), Now);
        Assert.True(ledger.TooManyFailures);
    }

    [Fact]
    public void Constructor_FromStoredRows_RebuildsCountersAndNextId()
    {
        var first = new StudyLedger(Spec(), []);
        first.AddProposal(1, "0", "k0", "x=a", Now);
        first.AddProposal(2, "1", "k1", "x=b", Now);
        first.Complete(Done(1, 80), Now);

        var second = new StudyLedger(Spec(), first.Trials);

        Assert.Equal(3, second.NextTrialId);
        Assert.Equal(2, second.Trained);
        Assert.Equal(1, second.InFlight);
        Assert.Equal(1, second.Finished);
        Assert.Equal([2L], second.Outstanding.Select(t => t.TrialId));
    }

    [Fact]
    public void Best_EqualScoresCompletedOutOfOrder_IsTheEarliestTrial()
    {
        var ledger = new StudyLedger(Spec(), []);
        ledger.AddProposal(1, "0", "k0", "x=a", Now);
        ledger.AddProposal(2, "1", "k1", "x=b", Now);

        ledger.Complete(Done(2, 80), Now);
        ledger.Complete(Done(1, 80), Now);

        Assert.Equal(1, ledger.Best!.TrialId);
    }
}
