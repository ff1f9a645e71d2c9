using Microsoft.Extensions.Logging;

namespace NasOrleans.Storage.Azure;

/// <summary>Source-generated log messages of the Azure Storage store (event ids 3180-3189 of the storage range).</summary>
internal static partial class AzureLog
{
    [LoggerMessage(EventId = 3180, Level = LogLevel.Debug, Message = "Azure Storage trial store opened account {Account} (tables and container prefixed {Prefix})")]
    public static partial void AzureOpened(this ILogger logger, string account, string prefix);
}
