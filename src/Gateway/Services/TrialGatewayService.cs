using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NasOrleans.Gateway.Auth;
using NasOrleans.Gateway.Protos;
using NasOrleans.Grains.Interfaces;

namespace NasOrleans.Gateway.Services;

/// <summary>
/// Ask/tell for workers outside the cluster, over <see cref="IAskTellGrain"/>: every call needs
/// <see cref="ApiKeyDefaults.WritePolicy"/> and a key of the study's owner (or an admin key). The lease rules are the
/// grain's; a refused completion is an answer (accepted false, with the reason), not an error.
/// </summary>
internal sealed class TrialGatewayService(IGrainFactory grains, StudyAccess access) : TrialService.TrialServiceBase
{
    /// <summary>Most trials one SuggestTrials may ask for.</summary>
    public const int MaxCount = 64;

    private readonly IAskTellGrain _askTell = grains.GetGrain<IAskTellGrain>(0);

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.WritePolicy)]
    public override async Task<SuggestTrialsResponse> SuggestTrials(SuggestTrialsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Count is < 1 or > MaxCount)
        {
            throw GatewayErrors.Invalid($"count: {request.Count} is out of range; ask for 1 to {MaxCount} trials at a time");
        }

        await access.CheckAsync(context, request.StudyId);
        var reply = await _askTell.SuggestAsync(request.StudyId, request.ClientId, request.Count, context.CancellationToken);
        var response = new SuggestTrialsResponse { StudyDone = reply.StudyDone, Message = reply.Message ?? "" };
        foreach (var trial in reply.Trials)
        {
            response.Trials.Add(ProtoMapping.ToProto(trial));
        }

        return response;
    }

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.WritePolicy)]
    public override async Task<ReportIntermediateResponse> ReportIntermediate(ReportIntermediateRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var leaseId = GatewayErrors.LeaseId(request.LeaseId);
        await access.CheckAsync(context, request.StudyId);
        var stop = await _askTell.ReportIntermediateAsync(request.StudyId, request.TrialId, leaseId, request.Step, Copy(request.Metrics), context.CancellationToken);
        return new ReportIntermediateResponse { ShouldStop = stop };
    }

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.WritePolicy)]
    public override async Task<CompleteTrialResponse> CompleteTrial(CompleteTrialRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var leaseId = GatewayErrors.LeaseId(request.LeaseId);
        await access.CheckAsync(context, request.StudyId);
        var failure = request.Failure.Length > 0 ? request.Failure : null;
        var reply = await _askTell.CompleteAsync(request.StudyId, request.TrialId, leaseId, Copy(request.Metrics), failure, context.CancellationToken);
        return new CompleteTrialResponse { Accepted = reply.Accepted, Reason = reply.Reason ?? "" };
    }

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.WritePolicy)]
    public override async Task<HeartbeatResponse> Heartbeat(HeartbeatRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var leaseId = GatewayErrors.LeaseId(request.LeaseId);
        await access.CheckAsync(context, request.StudyId);
        var reply = await _askTell.HeartbeatAsync(request.StudyId, request.TrialId, leaseId, context.CancellationToken);
        return new HeartbeatResponse { State = ProtoMapping.Name(reply) };
    }

    /// <summary>The metrics as a plain dictionary (the grain call serializes its arguments; a protobuf map has no Orleans codec).</summary>
    private static Dictionary<string, double> Copy(MapField<string, double> metrics)
    {
        var copy = new Dictionary<string, double>(metrics.Count, StringComparer.Ordinal);
        foreach (var (name, value) in metrics)
        {
            copy[name] = value;
        }

        return copy;
    }
}
