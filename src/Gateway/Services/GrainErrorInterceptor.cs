using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using NasOrleans.Core.Specs;
using Orleans.Runtime;

namespace NasOrleans.Gateway.Services;

/// <summary>
/// Turns the grains' exceptions into gRPC statuses with their messages (which name the problem and the fix):
/// <see cref="ArgumentException"/> and spec errors InvalidArgument, <see cref="KeyNotFoundException"/> NotFound,
/// <see cref="InvalidOperationException"/> FailedPrecondition; a cluster that cannot be reached Unavailable; anything
/// else Internal, logged, without its details.
/// </summary>
internal sealed partial class GrainErrorInterceptor(ILogger<GrainErrorInterceptor> logger) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception e, ServerCallContext context)
    {
        var status = e switch
        {
            SpecValidationException spec => new Status(StatusCode.InvalidArgument, string.Join('\n', spec.Errors)),
            ArgumentException argument => new Status(StatusCode.InvalidArgument, WithoutParameter(argument.Message)),
            KeyNotFoundException => new Status(StatusCode.NotFound, e.Message),
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => new Status(StatusCode.Cancelled, "the call was cancelled"),
            TimeoutException => new Status(StatusCode.Unavailable, "the cluster did not answer in time; try again"),
            SiloUnavailableException or OrleansMessageRejectionException => new Status(StatusCode.Unavailable, "the cluster cannot be reached now; try again shortly"),
            ObjectDisposedException => new Status(StatusCode.Unavailable, "the service is stopping; try again shortly"),
            InvalidOperationException => new Status(StatusCode.FailedPrecondition, e.Message),
            _ => new Status(StatusCode.Internal, $"internal error ({e.GetType().Name}); the service's log has the details"),
        };
        if (status.StatusCode is StatusCode.Internal or StatusCode.Unavailable)
        {
            LogFailed(logger, context.Method, e);
        }

        return new RpcException(status);
    }

    /// <summary>An <see cref="ArgumentException"/>'s message without the " (Parameter 'x')" and "Actual value" lines .NET adds.</summary>
    internal static string WithoutParameter(string message)
    {
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway call {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
