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

    [LoggerMessage(EventId = 3120, Level = LogLevel.Debug, Message = "Stored artifact {Name} version {Version} of study {StudyId} ({Bytes} bytes)")]
    public static partial void ArtifactStored(this ILogger logger, string studyId, string name, long version, long bytes);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Warning,
        Message = "Put of artifact {Name} of study {StudyId} rejected: expected version {ExpectedVersion}, stored {ActualVersion} (another writer stored it)")]
    public static partial void ArtifactConflict(this ILogger logger, string studyId, string name, long expectedVersion, long actualVersion);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Error, Message = "Artifact {Name} version {Version} of study {StudyId} is corrupt (stored SHA-256 {StoredSha256}, content {ActualSha256})")]
    public static partial void ArtifactCorrupt(this ILogger logger, string studyId, string name, long version, string storedSha256, string actualSha256);
}
