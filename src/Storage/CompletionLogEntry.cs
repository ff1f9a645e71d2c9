using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage;

/// <summary>
/// One accepted completion of a trial, as the <see cref="ICompletionLog"/> keeps it: appended once, never updated and
/// never replaced, so a trial recorded twice shows as two entries even though its trial row is upserted by id.
/// </summary>
public sealed record CompletionLogEntry
{
    /// <summary>The study.</summary>
    public required string StudyId { get; init; }

    /// <summary>The trial within the study.</summary>
    public required long TrialId { get; init; }

    /// <summary>The lease the completion came from, when the caller knows it.</summary>
    public Guid? LeaseId { get; init; }

    /// <summary>The attempt (the lease count of the trial) that completed.</summary>
    public int Attempt { get; init; }

    /// <summary>The status the completion gave the trial (completed or failed).</summary>
    public required TrialStatus Status { get; init; }

    /// <summary>When the completion was accepted (the caller's clock).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// Checks the arguments of <see cref="ICompletionLog.RecordCompletionsAsync"/> (every store's) and says whether
    /// there is anything to write.
    /// </summary>
    internal static bool IsWorkToRecord(IReadOnlyList<TrialRecord> trials, IReadOnlyList<CompletionLogEntry> completions)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(completions);
        foreach (var completion in completions)
        {
            ArgumentNullException.ThrowIfNull(completion);
            ArgumentException.ThrowIfNullOrEmpty(completion.StudyId);
        }

        return trials.Count > 0 || completions.Count > 0;
    }
}
