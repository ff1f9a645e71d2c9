using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Scheduling;

/// <summary>
/// A scheduler shard's bookkeeping, with no Orleans in it: a queue per study served round-robin, leases with expiry
/// on a <see cref="TimeProvider"/>, adoption of leases it never granted (its predecessor did), and a recovery window
/// after it starts in which trials a study re-offers are held rather than leased again. Not thread-safe: the
/// scheduler grain's turns serialize access.
/// </summary>
internal sealed partial class LeaseBook
{
    private readonly Dictionary<string, StudyQueue> _studies = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, ActiveLease> _leases = [];
    private readonly Dictionary<string, SlotRecord> _slots = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _roundRobin = new();
    private readonly HashSet<string> _dropped = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _leaseTimeout;
    private readonly DateTimeOffset _recoverUntil;
    private int _unclaimed;

    public LeaseBook(TimeProvider time, TimeSpan leaseTimeout, TimeSpan recoveryWindow)
    {
        _time = time;
        _leaseTimeout = leaseTimeout;
        _recoverUntil = time.GetUtcNow() + recoveryWindow;
    }

    /// <summary>Trials waiting in all queues (held ones included).</summary>
    public int QueueDepth => _studies.Values.Sum(s => s.QueuedCount + s.Held.Count);

    /// <summary>Leases outstanding.</summary>
    public int LeaseCount => _leases.Count;

    private bool Recovering => _time.GetUtcNow() < _recoverUntil;

    /// <summary>Takes a study's offer (see <see cref="StudyWork.Resync"/>); returns how many trials were added.</summary>
    public int Offer(StudyWork work)
    {
        _dropped.Remove(work.StudyId);
        var study = GetOrAdd(work.StudyId);
        study.SpecHash = work.SpecHash;
        study.SpecJson = work.SpecJson;
        study.External = work.External;
        if (work.Resync)
        {
            DropUnlisted(study, [.. work.Tasks.Select(t => t.TrialId)]);
        }

        var added = 0;
        foreach (var task in work.Tasks)
        {
            if (study.IsKnown(task.TrialId))
            {
                continue;
            }

            // The study is the authority: a trial it offers again was not recorded after all.
            study.Closed.Remove(task.TrialId);
            if (work.Resync && Recovering)
            {
                study.Held[task.TrialId] = task;
            }
            else
            {
                if (work.Resync && task.PreviousAttempts > 0)
                {
                    // Started, unfinished, and unknown here: its lease belonged to a predecessor and nobody claimed it.
                    _unclaimed++;
                }

                study.AddLast(task);
                EnsureInRotation(study);
            }

            added++;
        }

        return added;
    }

    /// <summary>Leases up to <paramref name="max"/> trials to <paramref name="slot"/>, one study at a time in turn.</summary>
    public List<TrialLease> Acquire(SlotInfo slot, int max)
    {
        var record = Seen(slot);
        var result = new List<TrialLease>();
        while (result.Count < max && _roundRobin.First is { } node)
        {
            _roundRobin.RemoveFirst();
            var study = _studies[node.Value];
            if (study.TakeFirst() is not { } task)
            {
                study.InRotation = false;
                continue;
            }

            var attempt = Math.Max(study.Attempts.GetValueOrDefault(task.TrialId), task.PreviousAttempts) + 1;
            var lease = new TrialLease(Guid.NewGuid(), task, attempt, _time.GetUtcNow() + _leaseTimeout, study.SpecJson);
            Grant(study, lease, record);
            result.Add(lease);
            if (study.QueuedCount > 0)
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

    /// <summary>Extends a lease, adopting one this book never granted; false when the trial is another lease's or recorded.</summary>
    public bool Beat(LeaseBeat beat) => Beat(beat, out _);

    /// <summary>Extends a lease as <see cref="Beat(LeaseBeat)"/>; <paramref name="adopted"/> tells a lease this book had not granted.</summary>
    public bool Beat(LeaseBeat beat, out bool adopted)
    {
        ArgumentNullException.ThrowIfNull(beat);
        adopted = false;
        var record = Seen(beat.Slot);
        var now = _time.GetUtcNow();
        if (_leases.TryGetValue(beat.LeaseId, out var lease))
        {
            _leases[beat.LeaseId] = lease with { ExpiresAt = now + _leaseTimeout };
            return true;
        }

        // A dropped study (cancelled, finished, deleted) adopts nothing: its trainers hear LeaseLost and stop training.
        if (_dropped.Contains(beat.Task.StudyId))
        {
            return false;
        }

        var study = GetOrAdd(beat.Task.StudyId);
        if (study.LeaseOf.ContainsKey(beat.Task.TrialId) || study.Closed.Contains(beat.Task.TrialId))
        {
            return false;
        }

        study.RemoveQueued(beat.Task.TrialId);
        study.Held.Remove(beat.Task.TrialId);
        Grant(study, new TrialLease(beat.LeaseId, beat.Task, beat.Attempt, now + _leaseTimeout, study.SpecJson), record);
        adopted = true;
        return true;
    }

    /// <summary>The study recorded these trials: their leases, queue entries and held entries go.</summary>
    public void Close(string studyId, IEnumerable<long> trialIds)
    {
        var study = GetOrAdd(studyId);
        foreach (var id in trialIds)
        {
            if (study.LeaseOf.TryGetValue(id, out var leaseId))
            {
                Remove(leaseId);
            }

            study.RemoveQueued(id);
            study.Held.Remove(id);
            study.Closed.Add(id);
        }
    }

    /// <summary>Hands a lease back: its trial goes to the front of its study's queue under a new lease.</summary>
    public bool Release(Guid leaseId)
    {
        if (Remove(leaseId) is not { } lease)
        {
            return false;
        }

        Requeue(lease.Lease.Task);
        return true;
    }

    /// <summary>
    /// Returns and resets the count of leases found lost since the last call: trials the study had started (it recorded
    /// an attempt) that this book never leased and no trainer's heartbeat claimed, either held through the recovery
    /// window or re-offered after it. They are leases of a predecessor activation (the shard moved) whose trainer is gone.
    /// </summary>
    public int TakeUnclaimed()
    {
        var count = _unclaimed;
        _unclaimed = 0;
        return count;
    }

    /// <summary>Re-queues the trials of leases that stopped beating, and held trials once the recovery window ended; returns the expired leases.</summary>
    public List<TrialLease> ExpireLeases()
    {
        var now = _time.GetUtcNow();
        var expired = _leases.Values.Where(l => l.ExpiresAt <= now).Select(l => l.Lease).ToList();
        expired.ForEach(l => Release(l.LeaseId));
        if (!Recovering)
        {
            foreach (var study in _studies.Values.Where(s => s.Held.Count > 0))
            {
                foreach (var task in study.Held.Values.OrderByDescending(t => t.TrialId))
                {
                    study.AddFirst(task);
                }

                // Only trials that had started (a lease of the predecessor): never-leased ones were merely queued.
                _unclaimed += study.Held.Values.Count(t => t.PreviousAttempts > 0);

                study.Held.Clear();
                EnsureInRotation(study);
            }
        }

        foreach (var stale in _slots.Values.Where(s => s.Leases.Count == 0 && now - s.LastSeen > _leaseTimeout).ToList())
        {
            _slots.Remove(stale.Slot.SlotId);
        }

        return expired;
    }

    /// <summary>Re-queues at once the leases held by slots of dead silos, and forgets those slots; returns the leases.</summary>
    public List<TrialLease> ExpireSilos(IReadOnlySet<string> deadSilos)
    {
        var dead = _leases.Values.Where(l => deadSilos.Contains(l.Slot.Silo)).Select(l => l.Lease).ToList();
        dead.ForEach(l => Release(l.LeaseId));
        foreach (var slot in _slots.Values.Where(s => deadSilos.Contains(s.Slot.Silo)).ToList())
        {
            _slots.Remove(slot.Slot.SlotId);
        }

        return dead;
    }

    /// <summary>Drops a study's queue and leases, and adopts no lease of it from heartbeats until it offers again; returns the number of leases dropped.</summary>
    public int DropStudy(string studyId)
    {
        _dropped.Add(studyId);
        if (!_studies.Remove(studyId, out var study))
        {
            return 0;
        }

        _roundRobin.Remove(studyId);
        var leases = study.LeaseOf.Values.ToList();
        leases.ForEach(id => Remove(id));
        return leases.Count;
    }

    /// <summary>A study's queued (held included) and leased counts.</summary>
    public QueueCounts Counts(string studyId) =>
        _studies.TryGetValue(studyId, out var s) ? new QueueCounts(s.QueuedCount + s.Held.Count, s.LeaseOf.Count) : new QueueCounts(0, 0);

    /// <summary>Every study's queued (held included) and leased counts.</summary>
    public Dictionary<string, QueueCounts> AllCounts() =>
        _studies.ToDictionary(s => s.Key, s => new QueueCounts(s.Value.QueuedCount + s.Value.Held.Count, s.Value.LeaseOf.Count), StringComparer.Ordinal);

    /// <summary>The current lease of an id, or null.</summary>
    public TrialLease? Find(Guid leaseId) => _leases.TryGetValue(leaseId, out var l) ? l.Lease : null;

    /// <summary>The slots heard from within the lease timeout (or holding leases), with their trials.</summary>
    public List<SlotView> Slots()
    {
        var now = _time.GetUtcNow();
        return [.. _slots.Values
            .Where(s => s.Leases.Count > 0 || now - s.LastSeen <= _leaseTimeout)
            .OrderBy(s => s.Slot.SlotId, StringComparer.Ordinal)
            .Select(s => new SlotView(s.Slot, s.LastSeen, [.. s.Leases.Select(id => _leases[id].Lease.Task).Select(t => $"{t.StudyId}/{t.TrialId}")]))];
    }

    private void Grant(StudyQueue study, TrialLease lease, SlotRecord slot)
    {
        _leases[lease.LeaseId] = new ActiveLease(lease, slot.Slot, lease.ExpiresAt, _time.GetUtcNow());
        study.LeaseOf[lease.Task.TrialId] = lease.LeaseId;
        study.Attempts[lease.Task.TrialId] = Math.Max(study.Attempts.GetValueOrDefault(lease.Task.TrialId), lease.Attempt);
        slot.Leases.Add(lease.LeaseId);
    }

    private ActiveLease? Remove(Guid leaseId)
    {
        if (!_leases.Remove(leaseId, out var lease))
        {
            return null;
        }

        if (_studies.TryGetValue(lease.Lease.Task.StudyId, out var study))
        {
            study.LeaseOf.Remove(lease.Lease.Task.TrialId);
        }

        if (_slots.TryGetValue(lease.Slot.SlotId, out var slot))
        {
            slot.Leases.Remove(leaseId);
        }

        return lease;
    }

    private void DropUnlisted(StudyQueue study, HashSet<long> listed)
    {
        foreach (var id in study.QueuedIds.Where(id => !listed.Contains(id)).ToList())
        {
            study.RemoveQueued(id);
        }

        foreach (var id in study.Held.Keys.Where(id => !listed.Contains(id)).ToList())
        {
            study.Held.Remove(id);
        }

        foreach (var (id, leaseId) in study.LeaseOf.Where(p => !listed.Contains(p.Key)).ToList())
        {
            Remove(leaseId);
            study.Closed.Add(id);
        }
    }

    private void Requeue(TrialTask task)
    {
        var study = GetOrAdd(task.StudyId);
        if (!study.IsKnown(task.TrialId) && !study.Closed.Contains(task.TrialId))
        {
            study.AddFirst(task);
            EnsureInRotation(study);
        }
    }

    private SlotRecord Seen(SlotInfo slot)
    {
        var now = _time.GetUtcNow();
        if (!_slots.TryGetValue(slot.SlotId, out var record))
        {
            record = new SlotRecord(slot, now);
            _slots[slot.SlotId] = record;
        }

        record.Slot = slot;
        record.LastSeen = now;
        return record;
    }

    private StudyQueue GetOrAdd(string studyId)
    {
        if (!_studies.TryGetValue(studyId, out var study))
        {
            study = new StudyQueue(studyId);
            _studies[studyId] = study;
        }

        return study;
    }

    private void EnsureInRotation(StudyQueue study)
    {
        if (!study.InRotation && study.QueuedCount > 0 && !study.External)
        {
            study.InRotation = true;
            _roundRobin.AddLast(study.StudyId);
        }
    }
}
