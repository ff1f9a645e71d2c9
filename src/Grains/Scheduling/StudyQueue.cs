using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Scheduling;

/// <summary>One study's part of a <see cref="LeaseBook"/>: its spec, queue, held trials, leases and attempt counts.</summary>
internal sealed class StudyQueue(string studyId)
{
    private readonly LinkedList<TrialTask> _queue = new();
    private readonly Dictionary<long, LinkedListNode<TrialTask>> _queued = [];

    public string StudyId { get; } = studyId;

    public string SpecHash { get; set; } = "";

    public string SpecJson { get; set; } = "";

    public bool InRotation { get; set; }

    /// <summary>The study's trials are for ask/tell workers: never in the slots' rotation, leased by <see cref="LeaseBook.AcquireForStudy"/>.</summary>
    public bool External { get; set; }

    /// <summary>Trials a new scheduler activation holds back: they may be training under a lease it never saw.</summary>
    public Dictionary<long, TrialTask> Held { get; } = [];

    /// <summary>The current lease of each leased trial.</summary>
    public Dictionary<long, Guid> LeaseOf { get; } = [];

    /// <summary>Attempts granted per trial by this activation (or adopted from heartbeats).</summary>
    public Dictionary<long, int> Attempts { get; } = [];

    /// <summary>Trials the study recorded: a heartbeat of one of their leases is told to stop.</summary>
    public HashSet<long> Closed { get; } = [];

    public int QueuedCount => _queue.Count;

    public bool IsKnown(long trialId) => _queued.ContainsKey(trialId) || LeaseOf.ContainsKey(trialId) || Held.ContainsKey(trialId);

    public bool IsQueued(long trialId) => _queued.ContainsKey(trialId);

    public void AddLast(TrialTask task) => _queued[task.TrialId] = _queue.AddLast(task);

    public void AddFirst(TrialTask task) => _queued[task.TrialId] = _queue.AddFirst(task);

    public TrialTask? TakeFirst()
    {
        if (_queue.First is not { } first)
        {
            return null;
        }

        _queue.RemoveFirst();
        _queued.Remove(first.Value.TrialId);
        return first.Value;
    }

    public bool RemoveQueued(long trialId)
    {
        if (!_queued.Remove(trialId, out var node))
        {
            return false;
        }

        _queue.Remove(node);
        return true;
    }

    public IEnumerable<long> QueuedIds => _queued.Keys;
}
