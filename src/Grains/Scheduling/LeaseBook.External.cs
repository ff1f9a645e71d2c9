using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Scheduling;

internal sealed partial class LeaseBook
{
    /// <summary>
    /// Leases up to <paramref name="max"/> trials of an ask/tell study to <paramref name="slot"/>: the slot's own
    /// unfinished leases of the study first, renewed (re-delivery: a worker that restarted under the same client id gets
    /// its trials back), then trials from the front of the study's queue. Empty when the study has offered nothing here.
    /// </summary>
    public List<ExternalLease> AcquireForStudy(string studyId, SlotInfo slot, int max)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var record = Seen(slot);
        var result = new List<ExternalLease>();
        if (!_studies.TryGetValue(studyId, out var study))
        {
            return result;
        }

        var now = _time.GetUtcNow();
        foreach (var leaseId in record.Leases.ToList())
        {
            if (result.Count >= max)
            {
                break;
            }

            var active = _leases[leaseId];
            if (active.Lease.Task.StudyId == studyId)
            {
                result.Add(Renew(active, now, redelivered: true));
            }
        }

        while (result.Count < max && study.TakeFirst() is { } task)
        {
            var attempt = Math.Max(study.Attempts.GetValueOrDefault(task.TrialId), task.PreviousAttempts) + 1;
            var lease = new TrialLease(Guid.NewGuid(), task, attempt, now + _leaseTimeout, study.SpecJson);
            Grant(study, lease, record);
            result.Add(new ExternalLease(lease, now, Redelivered: false, slot.SlotId));
        }

        return result;
    }

    /// <summary>Renews <paramref name="leaseId"/> when it is the current lease of the trial; null otherwise. The lease comes without its spec (the caller has it by the task's spec hash).</summary>
    public ExternalLease? Renew(string studyId, long trialId, Guid leaseId)
    {
        if (!_leases.TryGetValue(leaseId, out var active) || active.Lease.Task.StudyId != studyId || active.Lease.Task.TrialId != trialId)
        {
            return null;
        }

        if (_slots.TryGetValue(active.Slot.SlotId, out var slot))
        {
            slot.LastSeen = _time.GetUtcNow();
        }

        var renewed = Renew(active, _time.GetUtcNow(), redelivered: false);
        return renewed with { Lease = renewed.Lease with { SpecJson = "" } };
    }

    private ExternalLease Renew(ActiveLease active, DateTimeOffset now, bool redelivered)
    {
        var lease = active.Lease with { ExpiresAt = now + _leaseTimeout };
        _leases[lease.LeaseId] = active with { Lease = lease, ExpiresAt = lease.ExpiresAt };
        return new ExternalLease(lease, active.GrantedAt, redelivered, active.Slot.SlotId);
    }
}
