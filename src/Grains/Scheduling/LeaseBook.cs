using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Scheduling;

/// <summary>
/// The scheduler's bookkeeping, with no Orleans in it: a queue per study served round-robin, leases
/// with expiry on a <see cref="TimeProvider"/>, and the rule that only a trial's current lease completes it, once.
/// Not thread-safe: the scheduler grain's turns serialize access.
/// </summary>
internal sealed class LeaseBook
{
    private readonly Dictionary<string, StudyQueue> _studies = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, ActiveLease> _leases = [];
    private readonly LinkedList<string> _roundRobin = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _leaseTimeout;

    public LeaseBook(TimeProvider time, TimeSpan leaseTimeout)
    {
        _time = time;
        _leaseTimeout = leaseTimeout;
    }

    /// <summary>Trials waiting in all queues.</summary>
    public int QueueDepth { get; private set; }

    /// <summary>Leases outstanding.</summary>
    public int LeaseCount => _leases.Count;

    /// <summary>Queues tasks not already queued, leased or completed; returns how many were added.</summary>
    public int Enqueue(IEnumerable<TrialTask> tasks)
    {
        var added = 0;
        foreach (var task in tasks)
        {
            var study = GetOrAdd(task.StudyId);
            if (study.Known.TryAdd(task.TrialId, TrialSlot.Queued))
            {
                study.Queue.AddLast(task);
                QueueDepth++;
                added++;
            }
        }

        return added;
    }

    /// <summary>Leases up to <paramref name="max"/> trials, one study at a time in turn.</summary>
    public List<TrialLease> Acquire(string trainerId, int max)
    {
        var now = _time.GetUtcNow();
        var result = new List<TrialLease>();
        while (result.Count < max && _roundRobin.First is { } node)
        {
            _roundRobin.RemoveFirst();
            var study = _studies[node.Value];
            if (study.Queue.First is not { } first)
            {
                study.InRotation = false;
                continue;
            }

            study.Queue.RemoveFirst();
            QueueDepth--;
            var task = first.Value;
            var attempt = study.Attempts.TryGetValue(task.TrialId, out var a) ? a + 1 : 1;
            study.Attempts[task.TrialId] = attempt;
            var lease = new TrialLease(Guid.NewGuid(), task, attempt, now + _leaseTimeout);
            _leases[lease.LeaseId] = new ActiveLease(lease, trainerId, now + _leaseTimeout);
            study.Known[task.TrialId] = TrialSlot.Leased;
            result.Add(lease);
            if (study.Queue.Count > 0)
            {
                _roundRobin.AddLast(node);
            }
            else
            {
                study.InRotation = false;
            }
        }

        return result;
    }

    /// <summary>Extends a current lease; false when the lease is not current.</summary>
    public bool Heartbeat(Guid leaseId)
    {
        if (!_leases.TryGetValue(leaseId, out var lease))
        {
            return false;
        }

        _leases[leaseId] = lease with { ExpiresAt = _time.GetUtcNow() + _leaseTimeout };
        return true;
    }

    /// <summary>Accepts a completion from the trial's current lease (once); false otherwise.</summary>
    public bool Complete(Guid leaseId)
    {
        if (!_leases.Remove(leaseId, out var lease))
        {
            return false;
        }

        if (_studies.TryGetValue(lease.Lease.Task.StudyId, out var study))
        {
            study.Known[lease.Lease.Task.TrialId] = TrialSlot.Completed;
        }

        return true;
    }

    /// <summary>Forgets that a trial completed, so a study's resync may queue it again (its result was not recorded).</summary>
    public void Forget(TrialTask task)
    {
        if (_studies.TryGetValue(task.StudyId, out var study) && study.Known.TryGetValue(task.TrialId, out var slot) && slot == TrialSlot.Completed)
        {
            study.Known.Remove(task.TrialId);
        }
    }

    /// <summary>Hands a lease back: its trial goes to the front of its study's queue under a new lease.</summary>
    public bool Release(Guid leaseId)
    {
        if (!_leases.Remove(leaseId, out var lease))
        {
            return false;
        }

        Requeue(lease.Lease.Task);
        return true;
    }

    /// <summary>Re-queues the trials of leases that stopped beating; returns them.</summary>
    public List<TrialLease> ExpireLeases()
    {
        var now = _time.GetUtcNow();
        var expired = _leases.Values.Where(l => l.ExpiresAt <= now).Select(l => l.Lease).ToList();
        foreach (var lease in expired)
        {
            _leases.Remove(lease.LeaseId);
            Requeue(lease.Task);
        }

        return expired;
    }

    /// <summary>Drops a study's queue and leases; returns the number of leases dropped.</summary>
    public int DropStudy(string studyId)
    {
        if (_studies.Remove(studyId, out var study))
        {
            QueueDepth -= study.Queue.Count;
            _roundRobin.Remove(studyId);
        }

        var leases = _leases.Values.Where(l => l.Lease.Task.StudyId == studyId).Select(l => l.Lease.LeaseId).ToList();
        leases.ForEach(id => _leases.Remove(id));
        return leases.Count;
    }

    /// <summary>A study's queued and leased counts.</summary>
    public QueueCounts Counts(string studyId) => new(
        _studies.TryGetValue(studyId, out var s) ? s.Queue.Count : 0,
        _leases.Values.Count(l => l.Lease.Task.StudyId == studyId));

    /// <summary>The current lease of an id, or null.</summary>
    public TrialLease? Find(Guid leaseId) => _leases.TryGetValue(leaseId, out var l) ? l.Lease : null;

    private void Requeue(TrialTask task)
    {
        var study = GetOrAdd(task.StudyId);
        study.Known[task.TrialId] = TrialSlot.Queued;
        study.Queue.AddFirst(task);
        QueueDepth++;
        EnsureInRotation(study);
    }

    private StudyQueue GetOrAdd(string studyId)
    {
        if (!_studies.TryGetValue(studyId, out var study))
        {
            study = new StudyQueue(studyId);
            _studies[studyId] = study;
        }

        EnsureInRotation(study);
        return study;
    }

    private void EnsureInRotation(StudyQueue study)
    {
        if (!study.InRotation)
        {
            study.InRotation = true;
            _roundRobin.AddLast(study.StudyId);
        }
    }

    private enum TrialSlot
    {
        Queued,
        Leased,
        Completed,
    }

    private sealed record ActiveLease(TrialLease Lease, string TrainerId, DateTimeOffset ExpiresAt);

    private sealed class StudyQueue(string studyId)
    {
        public string StudyId { get; } = studyId;

        public LinkedList<TrialTask> Queue { get; } = new();

        public Dictionary<long, TrialSlot> Known { get; } = [];

        public Dictionary<long, int> Attempts { get; } = [];

        public bool InRotation { get; set; }
    }
}
