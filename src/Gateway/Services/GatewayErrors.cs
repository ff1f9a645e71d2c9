using System.Globalization;
using Grpc.Core;

namespace NasOrleans.Gateway.Services;

/// <summary>The gateway's refusals, as gRPC statuses (JSON transcoding turns them into 400, 401, 403, 404, 409).</summary>
internal static class GatewayErrors
{
    /// <summary>The longest study id the gateway passes to a grain.</summary>
    public const int MaxStudyIdLength = 256;

    public static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));

    public static RpcException Denied(string message) => new(new Status(StatusCode.PermissionDenied, message));

    public static RpcException Precondition(string message) => new(new Status(StatusCode.FailedPrecondition, message));

    public static RpcException Exists(string message) => new(new Status(StatusCode.AlreadyExists, message));

    /// <summary>Throws unless <paramref name="studyId"/> is a plausible study id.</summary>
    public static void CheckStudyId(string studyId)
    {
        if (string.IsNullOrWhiteSpace(studyId))
        {
            throw Invalid("study_id: empty; name the study (its spec's name)");
        }

        if (studyId.Length > MaxStudyIdLength)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"study_id: {studyId.Length} characters; a study id is at most {MaxStudyIdLength}"));
        }
    }

    /// <summary>The lease id of a request; throws when it is not a GUID.</summary>
    public static Guid LeaseId(string leaseId) =>
        Guid.TryParse(leaseId, out var id) ? id : throw Invalid($"lease_id: '{leaseId}' is not a lease id; echo the lease_id that SuggestTrials gave with the trial");
}
