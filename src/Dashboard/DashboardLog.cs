using Microsoft.Extensions.Logging;

namespace NasOrleans.Dashboard;

/// <summary>What the dashboard logs: the changes its users make.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Study {StudyId} {Action} from the dashboard by {Owner} ({Scope} key)")]
    public static partial void StudyChanged(ILogger logger, string studyId, string action, string owner, string scope);
}
