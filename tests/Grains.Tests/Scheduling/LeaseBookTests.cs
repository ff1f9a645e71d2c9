using Microsoft.Extensions.Time.Testing;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;

namespace NasOrleans.Grains.Tests.Scheduling;

public class LeaseBookTests
{
    private static readonly SlotInfo SlotA = new("silo-a/slot0", "silo-a", "cpu");
    private static readonly SlotInfo SlotB = new("silo-b/slot0", "silo-b", "cpu");
    private readonly FakeTimeProvider _time = new();

    private LeaseBook NewBook(TimeSpan? recovery = null) => new(_time, TimeSpan.FromSeconds(10), recovery ?? TimeSpan.Zero);

    private static TrialTask Task(string study, long id, int previousAttempts = 0) => new(study, id, "0,1", "hash", null, previousAttempts);

    private static StudyWork Offer(string study, bool resync, params TrialTask[] tasks) => new(study, "hash", "{spec}", tasks, resync);

    private static LeaseBeat Beat(TrialLease lease, SlotInfo slot) => new(lease.LeaseId, lease.Task, lease.Attempt, slot);

    [Fact]
    public void Acquire_TwoStudies_ServesThemInTurnWithTheirSpec()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1), Task("a", 2), Task("a", 3)));
        book.Offer(Offer("b", false, Task("b", 1), Task("b", 2)));

        var leases = book.Acquire(SlotA, 4);

        Assert.Equal(["a", "b", "a", "b"], leases.Select(l => l.Task.StudyId));
        Assert.All(leases, l => Assert.Equal("{spec}", l.SpecJson));
        Assert.Equal(1, book.QueueDepth);
    }

    [Fact]
    public void AllCounts_LeaseExpires_MovesTheTrialFromRunningBackToPending()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1), Task("a", 2)));
        book.Offer(Offer("b", false, Task("b", 1)));
        book.Acquire(SlotA, 1);
        Assert.Equal(new QueueCounts(1, 1), book.AllCounts()["a"]);
        Assert.Equal(new QueueCounts(1, 0), book.AllCounts()["b"]);

        _time.Advance(TimeSpan.FromSeconds(11));
        book.ExpireLeases();

        Assert.Equal(new QueueCounts(2, 0), book.AllCounts()["a"]);
    }

    [Fact]
    public void ExpireLeases_RecoveryWindowEndsWithoutHeartbeat_CountsTheStartedHeldTrialsUnclaimed()
    {
        var book = NewBook(recovery: TimeSpan.FromSeconds(5));
        book.Offer(Offer("a", true, Task("a", 1, previousAttempts: 1), Task("a", 2), Task("a", 3, previousAttempts: 2)));
        book.ExpireLeases();
        Assert.Equal(0, book.TakeUnclaimed());

        _time.Advance(TimeSpan.FromSeconds(6));
        book.ExpireLeases();

        Assert.Equal(2, book.TakeUnclaimed());
        Assert.Equal(0, book.TakeUnclaimed());
        Assert.Equal(new QueueCounts(3, 0), book.Counts("a"));
    }

    [Fact]
    public void Offer_ResyncAfterRecoveryWithAStartedTrialNeverLeasedHere_CountsItUnclaimed()
    {
        var book = NewBook(recovery: TimeSpan.Zero);
        book.Offer(Offer("a", false, Task("a", 1)));
        book.Acquire(SlotA, 1);

        // Trial 1 is leased here (known), trial 2 started under a predecessor, trial 3 never started.
        book.Offer(Offer("a", true, Task("a", 1, previousAttempts: 1), Task("a", 2, previousAttempts: 1), Task("a", 3)));

        Assert.Equal(1, book.TakeUnclaimed());
        Assert.Equal(new QueueCounts(2, 1), book.Counts("a"));
    }

    [Fact]
    public void Offer_TrialAlreadyQueuedOrLeased_IsIgnored()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1)));
        book.Acquire(SlotA, 1);

        var added = book.Offer(Offer("a", false, Task("a", 1), Task("a", 2)));

        Assert.Equal(1, added);
        Assert.Equal(new QueueCounts(1, 1), book.Counts("a"));
    }

    [Fact]
    public void ExpireLeases_LeaseStoppedBeating_RequeuesUnderNewLeaseWithNextAttempt()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1)));
        var first = book.Acquire(SlotA, 1).Single();

        _time.Advance(TimeSpan.FromSeconds(11));
        var expired = book.ExpireLeases();
        var second = book.Acquire(SlotB, 1).Single();

        Assert.Equal(first.LeaseId, expired.Single().LeaseId);
        Assert.NotEqual(first.LeaseId, second.LeaseId);
        Assert.Equal(2, second.Attempt);
        Assert.False(book.Beat(Beat(first, SlotA)));
    }

    [Fact]
    public void Acquire_TaskWithPreviousAttempts_KeepsCountingFromThem()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1, previousAttempts: 3)));

        Assert.Equal(4, book.Acquire(SlotA, 1).Single().Attempt);
    }

    [Fact]
    public void Beat_BeforeTimeout_KeepsLeaseAlive()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1)));
        var lease = book.Acquire(SlotA, 1).Single();

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(8));
            Assert.True(book.Beat(Beat(lease, SlotA)));
            Assert.Empty(book.ExpireLeases());
        }
    }

    [Fact]
    public void Beat_NewBookNeverSawTheLease_AdoptsItAndDoesNotLeaseTheTrialAgain()
    {
        var old = NewBook();
        old.Offer(Offer("a", false, Task("a", 1), Task("a", 2)));
        var running = old.Acquire(SlotA, 1).Single();
        // The scheduler's silo dies; its successor starts with an empty book and a recovery window.
        var book = NewBook(TimeSpan.FromSeconds(5));

        book.Offer(Offer("a", true, Task("a", 1), Task("a", 2)));
        var duringWindow = book.Acquire(SlotB, 5);
        Assert.True(book.Beat(Beat(running, SlotA)));
        _time.Advance(TimeSpan.FromSeconds(6));
        book.ExpireLeases();
        var afterWindow = book.Acquire(SlotB, 5);

        Assert.Empty(duringWindow);
        Assert.Equal([2L], afterWindow.Select(l => l.Task.TrialId));
        Assert.Equal(new QueueCounts(0, 2), book.Counts("a"));
        Assert.Equal(running.Attempt, book.Find(running.LeaseId)!.Attempt);
    }

    [Fact]
    public void Beat_TrialLeasedToAnotherSlot_IsRefused()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1)));
        var current = book.Acquire(SlotB, 1).Single();
        var stale = current with { LeaseId = Guid.NewGuid(), Attempt = 1 };

        Assert.False(book.Beat(Beat(stale, SlotA)));
        Assert.True(book.Beat(Beat(current, SlotB)));
    }

    [Fact]
    public void Close_RecordedTrial_DropsItsLeaseAndRefusesItsBeats()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1), Task("a", 2)));
        var lease = book.Acquire(SlotA, 1).Single();

        book.Close("a", [1, 2]);

        Assert.False(book.Beat(Beat(lease, SlotA)));
        Assert.Equal(new QueueCounts(0, 0), book.Counts("a"));
        Assert.Empty(book.Acquire(SlotA, 5));
    }

    [Fact]
    public void Offer_ResyncWithoutATrial_DropsItsQueueEntryAndLease()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1), Task("a", 2), Task("a", 3)));
        var lease = book.Acquire(SlotA, 1).Single();

        book.Offer(Offer("a", true, Task("a", 3)));

        Assert.False(book.Beat(Beat(lease, SlotA)));
        Assert.Equal([3L], book.Acquire(SlotB, 5).Select(l => l.Task.TrialId));
    }

    [Fact]
    public void ExpireSilos_DeadSilo_RequeuesItsLeasesAtOnce()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1), Task("a", 2)));
        var onA = book.Acquire(SlotA, 1).Single();
        var onB = book.Acquire(SlotB, 1).Single();

        var requeued = book.ExpireSilos(new HashSet<string>(["silo-a"]));
        var next = book.Acquire(SlotB, 1).Single();

        Assert.Equal(onA.LeaseId, requeued.Single().LeaseId);
        Assert.Equal(onA.Task.TrialId, next.Task.TrialId);
        Assert.Equal(2, next.Attempt);
        Assert.True(book.Beat(Beat(onB, SlotB)));
        Assert.DoesNotContain(book.Slots(), s => s.Slot.Silo == "silo-a");
    }

    [Fact]
    public void Release_Lease_TrialGoesFirstUnderNewLease()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1), Task("a", 2)));
        var lease = book.Acquire(SlotA, 1).Single();

        Assert.True(book.Release(lease.LeaseId));
        var next = book.Acquire(SlotA, 1).Single();

        Assert.Equal(1, next.Task.TrialId);
        Assert.False(book.Beat(Beat(lease, SlotB)));
    }

    [Fact]
    public void Slots_SlotHoldingALease_ListsItsTrialsAndDevice()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 7)));
        book.Acquire(SlotA with { Device = "cuda:1" }, 1);
        book.Acquire(SlotB, 1);

        var slots = book.Slots();

        Assert.Equal(2, slots.Count);
        Assert.Equal(["a/7"], slots.Single(s => s.Slot.SlotId == SlotA.SlotId).Trials);
        Assert.Equal("cuda:1", slots.Single(s => s.Slot.SlotId == SlotA.SlotId).Slot.Device);
        Assert.Empty(slots.Single(s => s.Slot.SlotId == SlotB.SlotId).Trials);
    }

    [Fact]
    public void DropStudy_WithQueueAndLeases_RemovesBoth()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1), Task("a", 2)));
        book.Offer(Offer("b", false, Task("b", 1)));
        var lease = book.Acquire(SlotA, 1).Single();

        book.DropStudy("a");

        Assert.Equal(new QueueCounts(0, 0), book.Counts("a"));
        Assert.Null(book.Find(lease.LeaseId));
        Assert.Equal("b", book.Acquire(SlotA, 5).Single().Task.StudyId);
    }

    private static readonly SlotInfo Worker1 = new("client:w1", "external", "external");
    private static readonly SlotInfo Worker2 = new("client:w2", "external", "external");

    private static StudyWork External(string study, params TrialTask[] tasks) => new(study, "hash", "{spec}", tasks, false, External: true);

    [Fact]
    public void Acquire_ExternalStudy_SlotsNeverGetItsTrials()
    {
        var book = NewBook();
        book.Offer(External("x", Task("x", 1), Task("x", 2)));
        book.Offer(Offer("a", false, Task("a", 1)));

        Assert.Equal(["a"], book.Acquire(SlotA, 10).Select(l => l.Task.StudyId));
        Assert.Empty(book.Acquire(SlotB, 10));
        Assert.Equal([1L, 2L], book.AcquireForStudy("x", Worker1, 5).Select(l => l.Lease.Task.TrialId));
    }

    [Fact]
    public void AcquireForStudy_SameClientAsksAgain_RedeliversItsUnfinishedLeaseFirst()
    {
        var book = NewBook();
        book.Offer(External("x", Task("x", 1), Task("x", 2), Task("x", 3)));
        var first = book.AcquireForStudy("x", Worker1, 1).Single();
        _time.Advance(TimeSpan.FromSeconds(8));

        var again = book.AcquireForStudy("x", Worker1, 2);

        Assert.Equal([first.Lease.LeaseId], again.Where(l => l.Redelivered).Select(l => l.Lease.LeaseId));
        Assert.Equal(2L, again.Single(l => !l.Redelivered).Lease.Task.TrialId);
        Assert.Equal(first.GrantedAt, again[0].GrantedAt);
        Assert.True(again[0].Lease.ExpiresAt > first.Lease.ExpiresAt, "a re-delivered lease gets a fresh expiry");
        Assert.Equal(3L, book.AcquireForStudy("x", Worker2, 5).Single().Lease.Task.TrialId);
    }

    [Fact]
    public void Renew_LeaseExpired_ReturnsNullAndTheTrialGoesToTheNextWorkerUnderAttemptTwo()
    {
        var book = NewBook();
        book.Offer(External("x", Task("x", 1)));
        var lease = book.AcquireForStudy("x", Worker1, 1).Single();
        Assert.NotNull(book.Renew("x", 1, lease.Lease.LeaseId));

        _time.Advance(TimeSpan.FromSeconds(11));
        book.ExpireLeases();

        Assert.Null(book.Renew("x", 1, lease.Lease.LeaseId));
        Assert.Empty(book.Acquire(SlotA, 5));
        var next = book.AcquireForStudy("x", Worker2, 1).Single();
        Assert.Equal(2, next.Lease.Attempt);
        Assert.False(next.Redelivered);
        Assert.Empty(book.AcquireForStudy("x", Worker1, 1));
    }

    [Fact]
    public void Renew_AnotherTrialsLeaseOrAClosedOne_ReturnsNull()
    {
        var book = NewBook();
        book.Offer(External("x", Task("x", 1), Task("x", 2)));
        var leases = book.AcquireForStudy("x", Worker1, 2);

        Assert.Null(book.Renew("x", 2, leases[0].Lease.LeaseId));
        Assert.Null(book.Renew("y", 1, leases[0].Lease.LeaseId));
        book.Close("x", [1]);
        Assert.Null(book.Renew("x", 1, leases[0].Lease.LeaseId));
        Assert.NotNull(book.Renew("x", 2, leases[1].Lease.LeaseId));
    }

    [Fact]
    public void Beat_DroppedStudy_IsRefusedSoItsTrainersStopUntilTheStudyOffersAgain()
    {
        var book = NewBook();
        book.Offer(Offer("a", false, Task("a", 1)));
        var lease = book.Acquire(SlotA, 1).Single();

        book.DropStudy("a");

        Assert.False(book.Beat(Beat(lease, SlotA)));
        Assert.Equal(0, book.LeaseCount);
        book.Offer(Offer("a", true, Task("a", 2)));
        var adopted = book.Beat(new LeaseBeat(Guid.NewGuid(), Task("a", 2), 1, SlotB), out var wasAdopted);
        Assert.True(adopted && wasAdopted);
    }
}
