using Microsoft.Extensions.Logging;

namespace NasOrleans.Storage.Postgres;

/// <summary>Source-generated log messages of the PostgreSQL stores (event ids 3150-3179 of the storage range).</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 3150, Level = LogLevel.Information,
        Message = "PostgreSQL {Target} schema {Schema} migrated from version {FromVersion} to {ToVersion}")]
    public static partial void SchemaMigrated(this ILogger logger, string target, string schema, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 3151, Level = LogLevel.Debug, Message = "{Component} connected to PostgreSQL {Target} (schema {Schema}, version {Version})")]
    public static partial void DatabaseOpened(this ILogger logger, string component, string target, string schema, int version);

    [LoggerMessage(EventId = 3152, Level = LogLevel.Warning,
        Message = "{Component}: {Operation} failed transiently (attempt {Attempt} of {MaxAttempts}, {Reason}); retrying in {DelayMs} ms")]
    public static partial void TransientFailure(
        this ILogger logger, Exception exception, string component, string operation, int attempt, int maxAttempts, string reason, long delayMs);

    [LoggerMessage(EventId = 3153, Level = LogLevel.Error, Message = "{Component}: {Operation} failed after {Attempts} attempts ({Reason})")]
    public static partial void RetriesExhausted(this ILogger logger, Exception exception, string component, string operation, int attempts, string reason);

    [LoggerMessage(EventId = 3154, Level = LogLevel.Information, Message = "{Component}: {Operation} succeeded on attempt {Attempt} after transient failures")]
    public static partial void Recovered(this ILogger logger, string component, string operation, int attempt);
}
