using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NasOrleans.Gateway.Auth;
using NasOrleans.Gateway.Protos;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Gateway.Services;

internal sealed partial class StudyGatewayService
{
    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.ReadPolicy)]
    public override async Task<ListTrialsResponse> ListTrials(ListTrialsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.Limit == 0 ? DefaultTrialsPerPage : request.Limit;
        if (limit is < 1 or > MaxTrialsPerPage)
        {
            throw GatewayErrors.Invalid(string.Create(CultureInfo.InvariantCulture, $"limit: {request.Limit} is out of range; ask for 1 to {MaxTrialsPerPage} trials a page (0 means {DefaultTrialsPerPage})"));
        }

        if (request.Offset < 0)
        {
            throw GatewayErrors.Invalid(string.Create(CultureInfo.InvariantCulture, $"offset: {request.Offset} is negative; start at 0"));
        }

        var status = ParseStatus(request.Status);
        var order = request.Order switch
        {
            "" or "id" => TrialOrder.ById,
            "best" => TrialOrder.ByScore,
            _ => throw GatewayErrors.Invalid($"order: '{request.Order}' is not an order; use id or best"),
        };
        var summary = await access.SummaryAsync(context, request.StudyId);
        var records = await grains.GetGrain<IStudyGrain>(request.StudyId).GetTrialsAsync(new TrialQuery(request.Offset, limit, status, order), context.CancellationToken);
        var response = new ListTrialsResponse { Total = Total(summary, status) };
        foreach (var record in records)
        {
            response.Trials.Add(ProtoMapping.ToProto(record, specs.Parameters(summary.SpecHash, summary.SpecJson, record.ArchitectureKey)));
        }

        return response;
    }

    private static TrialStatus? ParseStatus(string status) => status switch
    {
        "" => null,
        "pending" => TrialStatus.Pending,
        "running" => TrialStatus.Running,
        "completed" => TrialStatus.Completed,
        "failed" => TrialStatus.Failed,
        "cached" => TrialStatus.Cached,
        "stopped" => TrialStatus.Stopped,
        _ => throw GatewayErrors.Invalid($"status: '{status}' is not a trial status; use pending, running, completed, failed, cached or stopped (or leave it empty)"),
    };

    /// <summary>The number of the study's trials with <paramref name="status"/> (all when null), from its summary's counts.</summary>
    private static int Total(StudySummary summary, TrialStatus? status) => status switch
    {
        null => summary.Observed + summary.Running + summary.Pending,
        TrialStatus.Pending => summary.Pending,
        TrialStatus.Running => summary.Running,
        TrialStatus.Completed => summary.Completed,
        TrialStatus.Failed => summary.Failed,
        TrialStatus.Cached => summary.Cached,
        _ => Math.Max(0, summary.Observed - summary.Completed - summary.Failed - summary.Cached),
    };
}
