using Microsoft.Extensions.Logging;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Studies;

/// <summary>The study's read-back of results recorded behind its back.</summary>
public sealed partial class StudyGrain
{
    private DateTimeOffset _storeCheckedAt;
    private HashSet<long> _outstandingAtCheck = [];

    /// <summary>
    /// Every <see cref="StudyOptions.StoreCheckInterval"/>: the trials outstanding at the last check and still
    /// outstanding are read from the trial store, and a finished row there (another activation recorded it; its lease is
    /// closed, so no trainer will report it here) is adopted as if its completion had arrived.
    /// </summary>
    private async Task AdoptStoredResultsAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_ledger is null || now - _storeCheckedAt < _options.StoreCheckInterval)
        {
            return;
        }

        _storeCheckedAt = now;
        var suspects = _ledger.Outstanding.Select(t => t.TrialId).Where(_outstandingAtCheck.Contains).ToList();
        _outstandingAtCheck = [.. _ledger.Outstanding.Select(t => t.TrialId)];
        var changed = new List<TrialRecord>();
        foreach (var id in suspects)
        {
            if (await _store.GetTrialAsync(StudyId, id, cancellationToken) is { } stored)
            {
                changed.AddRange(_ledger.Adopt(stored, now));
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        var adopted = changed.Where(t => t.SourceTrialId is null).Select(t => t.TrialId).ToList();
        LogAdopted(StudyId, adopted.Count, string.Join(", ", adopted));
        var copies = changed.Where(t => t.SourceTrialId is not null).ToList();
        if (copies.Count > 0)
        {
            await _store.UpsertTrialsAsync(copies, cancellationToken);
        }

        await Scheduler.CloseAsync(StudyId, adopted, cancellationToken);
        await AfterResultsAsync(changed, now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Study {StudyId} adopted {Count} results another activation recorded in the trial store: trials {TrialIds}")]
    private partial void LogAdopted(string studyId, int count, string trialIds);
}
