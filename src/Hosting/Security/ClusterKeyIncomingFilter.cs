using Microsoft.Extensions.Logging;

namespace NasOrleans.Hosting.Security;

/// <summary>
/// Refuses calls to NasOrleans grains that do not carry the cluster key. Orleans' own interfaces (reminder ticks, the
/// runtime's system calls) pass: they are not NasOrleans methods and come from the runtime itself.
/// </summary>
internal sealed partial class ClusterKeyIncomingFilter(ClusterKey key, ILogger<ClusterKeyIncomingFilter> logger) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.InterfaceMethod?.DeclaringType;
        if (type?.Namespace is { } ns && ns.StartsWith("NasOrleans.", StringComparison.Ordinal)
            && !key.Matches(RequestContext.Get(ClusterKey.RequestContextKey) as string))
        {
            LogRefused(logger, type.Name, context.MethodName, context.SourceId?.ToString() ?? "unknown");
            ClusterKeyTelemetry.Refused.Add(1);
            throw new UnauthorizedAccessException(
                $"NasOrleans refused {type.Name}.{context.MethodName}: the call came without the cluster key. Users go through the NasOrleans service " +
                $"(nas --server URL with an API key in NAS_API_KEY); operators and cluster scripts give the cluster's key file in {ClusterKey.FileVariable}.");
        }

        return context.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call to {Interface}.{Method} from {Source}: it carried no valid cluster key")]
    private static partial void LogRefused(ILogger logger, string @interface, string method, string source);
}
