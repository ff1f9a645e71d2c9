using Microsoft.Extensions.Logging;

namespace NasOrleans.Storage;

/// <summary>Source-generated log messages of the storage layer (event ids 3100-3199).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "SQLite database {DataSource} migrated from schema version {FromVersion} to {ToVersion}")]
    public static partial void SchemaMigrated(this ILogger logger, string dataSource, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "{Component} opened SQLite database {DataSource} (schema version {Version})")]
    public static partial void DatabaseOpened(this ILogger logger, string component, string dataSource, int version);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Trace, Message = "Upserted {Count} trial rows in {ElapsedMs:F2} ms")]
    public static partial void TrialsUpserted(this ILogger logger, int count, double elapsedMs);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Deleted study {StudyId} and {TrialCount} trials")]
    public static partial void StudyDeleted(this ILogger logger, string studyId, int trialCount);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning,
        Message = "Grain storage {Provider}: {Operation} of state {StateName} for {GrainId} rejected: ETag {CurrentEtag} does not match stored {StoredEtag}")]
    public static partial void GrainStateConflict(
        this ILogger logger, string provider, string operation, string stateName, string grainId, string currentEtag, string storedEtag);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Error, Message = "Grain storage {Provider}: {Operation} of state {StateName} for {GrainId} failed")]
    public static partial void GrainStorageFailed(this ILogger logger, Exception exception, string provider, string operation, string stateName, string grainId);
}
