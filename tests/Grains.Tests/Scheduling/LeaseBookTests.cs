using Microsoft.Extensions.Time.Testing;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;

namespace NasOrleans.Grains.Tests.Scheduling;

public class LeaseBookTests
{
    private readonly FakeTimeProvider _time = new();

    private LeaseBook NewBook() => new(_time, TimeSpan.FromSeconds(10));

    private static TrialTask Task(string study, long id) => new(study, id, "0,1", "hash");

    [Fact]
    public void Acquire_TwoStudies_ServesThemInTurn()
    {
        var book = NewBook();
        book.Enqueue([Task("a", 1), Task("a", 2), Task("a", 3), Task("b", 1), Task("b", 2)]);

        var leases = book.Acquire("t", 4);

        Assert.Equal(["a", "b", "a", "b"], leases.Select(l => l.Task.StudyId));
        Assert.Equal(1, book.QueueDepth);
    }

    [Fact]
    public void Enqueue_TrialAlreadyQueuedOrLeased_IsIgnored()
    {
        var book = NewBook();
        book.Enqueue([Task("a", 1)]);
        book.Acquire("t", 1);

        var added = book.Enqueue([Task("a", 1), Task("a", 2)]);

        Assert.Equal(1, added);
        Assert.Equal(1, book.QueueDepth);
    }

    [Fact]
    public void ExpireLeases_LeaseStoppedBeating_RequeuesUnderNewLeaseAndRejectsOldCompletion()
    {
        var book = NewBook();
        book.Enqueue([Task("a", 1)]);
        var first = book.Acquire("t1", 1).Single();

        _time.Advance(TimeSpan.FromSeconds(11));
        var expired = book.ExpireLeases();
        var second = book.Acquire("t2", 1).Single();

        Assert.Equal(first.LeaseId, expired.Single().LeaseId);
        Assert.NotEqual(first.LeaseId, second.LeaseId);
        Assert.Equal(2, second.Attempt);
        Assert.False(book.Complete(first.LeaseId));
        Assert.True(book.Complete(second.LeaseId));
    }

    [Fact]
    public void Heartbeat_BeforeTimeout_KeepsLeaseAlive()
    {
        var book = NewBook();
        book.Enqueue([Task("a", 1)]);
        var lease = book.Acquire("t", 1).Single();

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(8));
            Assert.True(book.Heartbeat(lease.LeaseId));
            Assert.Empty(book.ExpireLeases());
        }

        Assert.True(book.Complete(lease.LeaseId));
    }

    [Fact]
    public void Complete_SameLeaseTwice_AcceptedOnce()
    {
        var book = NewBook();
        book.Enqueue([Task("a", 1)]);
        var lease = book.Acquire("t", 1).Single();

        Assert.True(book.Complete(lease.LeaseId));
        Assert.False(book.Complete(lease.LeaseId));
        Assert.Equal(0, book.Enqueue([Task("a", 1)]));
    }

    [Fact]
    public void Forget_CompletedTrial_CanBeQueuedAgain()
    {
        var book = NewBook();
        book.Enqueue([Task("a", 1)]);
        var lease = book.Acquire("t", 1).Single();
        book.Complete(lease.LeaseId);

        book.Forget(lease.Task);

        Assert.Equal(1, book.Enqueue([Task("a", 1)]));
    }

    [Fact]
    public void Release_Lease_TrialGoesFirstUnderNewLease()
    {
        var book = NewBook();
        book.Enqueue([Task("a", 1), Task("a", 2)]);
        var lease = book.Acquire("t", 1).Single();

        Assert.True(book.Release(lease.LeaseId));
        var next = book.Acquire("t", 1).Single();

        Assert.Equal(1, next.Task.TrialId);
        Assert.False(book.Heartbeat(lease.LeaseId));
    }

    [Fact]
    public void DropStudy_WithQueueAndLeases_RemovesBoth()
    {
        var book = NewBook();
        book.Enqueue([Task("a", 1), Task("a", 2), Task("b", 1)]);
        var leases = book.Acquire("t", 1);

        book.DropStudy("a");

        Assert.Equal(new QueueCounts(0, 0), book.Counts("a"));
        Assert.False(book.Complete(leases.Single().LeaseId));
        Assert.Equal("b", book.Acquire("t", 5).Single().Task.StudyId);
    }
}
