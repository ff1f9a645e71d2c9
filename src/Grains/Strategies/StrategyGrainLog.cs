using Microsoft.Extensions.Logging;

namespace NasOrleans.Grains.Strategies;

/// <summary>Source-generated log messages of the strategy grains (event ids 3200-3209).</summary>
internal static partial class StrategyGrainLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning,
        Message = "Strategy {Grain}: replaying journal event {Sequence}, the strategy proposed {Replayed} for trial {TrialId} where the journal has {Journaled}; keeping the journaled one")]
    public static partial void ReplayedProposalDiffers(this ILogger logger, string grain, long sequence, long trialId, string journaled, string replayed);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Strategy {Grain} restored from the snapshot at event {SnapshotSequence} and {TailCount} journal events after it")]
    public static partial void JournalReplayed(this ILogger logger, string grain, long snapshotSequence, int tailCount);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Strategy {Grain}: saving the snapshot at event {Sequence} failed; the journal still holds every event")]
    public static partial void SnapshotFailed(this ILogger logger, Exception exception, string grain, long sequence);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Strategy {Grain}: moved the whole state persisted by an earlier build into a journal snapshot")]
    public static partial void LegacyStateMigrated(this ILogger logger, string grain);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Strategy {Grain}: appending {Count} journal events failed; the activation reloads from the journal")]
    public static partial void AppendFailed(this ILogger logger, Exception exception, string grain, int count);
}
