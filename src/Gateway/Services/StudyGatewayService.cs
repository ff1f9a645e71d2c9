using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NasOrleans.Core.Specs;
using NasOrleans.Gateway.Auth;
using NasOrleans.Gateway.Protos;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Gateway.Services;

/// <summary>
/// Studies over gRPC and HTTP/JSON: create from a spec (YAML or JSON, owned by the caller's key), get, list, cancel,
/// delete, extend, and pages of trials. Read calls need <see cref="ApiKeyDefaults.ReadPolicy"/>, the others
/// <see cref="ApiKeyDefaults.WritePolicy"/>; a key acts only on its owner's studies unless it is an admin key.
/// </summary>
internal sealed partial class StudyGatewayService(IGrainFactory grains, StudyAccess access, SpecCatalog specs) : StudyService.StudyServiceBase
{
    /// <summary>Most trials in one page.</summary>
    public const int MaxTrialsPerPage = 1000;

    /// <summary>Trials in a page when the request names no limit.</summary>
    public const int DefaultTrialsPerPage = 100;

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.WritePolicy)]
    public override async Task<Study> CreateStudy(CreateStudyRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (SpecLimits.CheckSize(request.Spec) is { } tooLarge)
        {
            throw GatewayErrors.Invalid(tooLarge.ToString());
        }

        if (string.IsNullOrWhiteSpace(request.Spec))
        {
            throw GatewayErrors.Invalid("spec: empty; send the study spec's YAML or JSON text in the field spec");
        }

        StudySpec spec;
        try
        {
            spec = StudySpecParser.Parse(request.Spec, null, specs.Trainers);
        }
        catch (SpecValidationException e)
        {
            throw GatewayErrors.Invalid(string.Join('\n', e.Errors));
        }

        if (request.StudyId.Length > 0 && !string.Equals(request.StudyId, spec.Name, StringComparison.Ordinal))
        {
            throw GatewayErrors.Invalid($"study_id: '{request.StudyId}' is not the spec's name '{spec.Name}'; a study's id is its spec's name, so leave study_id empty or rename the spec");
        }

        var study = grains.GetGrain<IStudyGrain>(spec.Name);
        var owner = StudyAccess.OwnerOf(StudyAccess.User(context));
        var submitted = await study.SubmitAsync(StudySpecJson.Serialize(spec), owner, context.CancellationToken);
        if (!submitted.Accepted)
        {
            var exists = (await study.GetStatusAsync(context.CancellationToken)).Status != StudyStatus.NotFound;
            var message = string.Join('\n', submitted.Errors);
            throw exists ? GatewayErrors.Exists(message) : GatewayErrors.Invalid(message);
        }

        return ProtoMapping.ToProto(submitted.Study!, withSpec: false);
    }

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.ReadPolicy)]
    public override async Task<Study> GetStudy(GetStudyRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ProtoMapping.ToProto(await access.SummaryAsync(context, request.StudyId), withSpec: true);
    }

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.ReadPolicy)]
    public override async Task<ListStudiesResponse> ListStudies(ListStudiesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = StudyAccess.User(context);
        if (request.Owner.Length > 0 && !StudyAccess.May(user, request.Owner))
        {
            throw GatewayErrors.Denied($"owner: '{request.Owner}' is another owner; a {ApiKeyDefaults.ReadScope} or {ApiKeyDefaults.WriteScope} key lists its own studies (leave owner empty), an admin key anyone's");
        }

        var response = new ListStudiesResponse();
        foreach (var summary in await grains.GetGrain<IStudyCatalogGrain>(0).ListAsync())
        {
            if (StudyAccess.May(user, summary.Owner) && (request.Owner.Length == 0 || string.Equals(request.Owner, summary.Owner, StringComparison.Ordinal)))
            {
                response.Studies.Add(ProtoMapping.ToProto(summary, withSpec: false));
            }
        }

        return response;
    }

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.WritePolicy)]
    public override async Task<Study> CancelStudy(CancelStudyRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        await access.SummaryAsync(context, request.StudyId);
        return ProtoMapping.ToProto(await grains.GetGrain<IStudyGrain>(request.StudyId).CancelAsync(context.CancellationToken), withSpec: false);
    }

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.WritePolicy)]
    public override async Task<DeleteStudyResponse> DeleteStudy(DeleteStudyRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        await access.SummaryAsync(context, request.StudyId);
        await grains.GetGrain<IStudyGrain>(request.StudyId).DeleteAsync(context.CancellationToken);
        access.Forget(request.StudyId);
        return new DeleteStudyResponse { StudyId = request.StudyId };
    }

    /// <inheritdoc />
    [Authorize(Policy = ApiKeyDefaults.WritePolicy)]
    public override async Task<Study> ExtendStudy(ExtendStudyRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Trials < 1)
        {
            throw GatewayErrors.Invalid($"trials: {request.Trials} is out of range; extend a study by at least 1 trial");
        }

        await access.SummaryAsync(context, request.StudyId);
        var extended = await grains.GetGrain<IStudyGrain>(request.StudyId).ExtendAsync(request.Trials, context.CancellationToken);
        if (!extended.Accepted)
        {
            var message = string.Join('\n', extended.Errors);
            throw message.StartsWith("trials:", StringComparison.Ordinal) ? GatewayErrors.Invalid(message) : GatewayErrors.Precondition(message);
        }

        return ProtoMapping.ToProto(extended.Study!, withSpec: false);
    }
}
