using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Telemetry;

namespace NasOrleans.Client.Backends;

/// <summary>Studies through their grains (a cluster's gateway, or a silo in this process).</summary>
public sealed class GrainStudyClient : IStudyClient
{
    private readonly IGrainFactory _grains;
    private readonly Func<ValueTask>? _dispose;

    /// <summary>Creates the client over <paramref name="grains"/>; <paramref name="dispose"/> releases the connection or the silo.</summary>
    public GrainStudyClient(IGrainFactory grains, Func<ValueTask>? dispose = null)
    {
        _grains = grains;
        _dispose = dispose;
    }

    /// <summary>The grain factory, for watching and for direct calls.</summary>
    public IGrainFactory Grains => _grains;

    /// <inheritdoc />
    public async Task<SubmitResult> SubmitAsync(string specJson, CancellationToken cancellationToken)
    {
        var name = System.Text.Json.JsonDocument.Parse(specJson).RootElement.GetProperty("name").GetString()!;
        using var activity = NasTelemetry.StartSubmit(name); // the root of the study's trace, down to its trials
        return await Study(name).SubmitAsync(specJson);
    }

    /// <inheritdoc />
    public async Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken)
    {
        var summary = await Study(studyId).GetStatusAsync();
        return summary.Status == StudyStatus.NotFound ? null : summary;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken) =>
        _grains.GetGrain<IStudyCatalogGrain>(0).ListAsync();

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string studyId, TrialQuery query, CancellationToken cancellationToken) =>
        Study(studyId).GetTrialsAsync(query);

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialRecord>> GetBestAsync(string studyId, int count, CancellationToken cancellationToken) =>
        Study(studyId).GetBestAsync(count);

    /// <inheritdoc />
    public Task<IReadOnlyList<CurvePoint>> GetCurveAsync(string studyId, long trialId, CancellationToken cancellationToken) =>
        Study(studyId).GetCurveAsync(trialId);

    /// <inheritdoc />
    public Task<byte[]?> GetArtifactAsync(string studyId, string name, CancellationToken cancellationToken) => Study(studyId).GetArtifactAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task<PolicySnapshot> GetPolicyAsync(string studyId, string domain, CancellationToken cancellationToken) =>
        _grains.GetGrain<IControllerGrain>(ControllerKey.Format(studyId, domain)).GetPolicyAsync(cancellationToken);

    /// <inheritdoc />
    public Task<PairedAgentInfo> GetAgentAsync(string studyId, string role, CancellationToken cancellationToken) =>
        _grains.GetGrain<IPairedAgentGrain>(PairedRoles.Key(studyId, role)).GetInfoAsync(cancellationToken);

    /// <inheritdoc />
    public Task<SubmitResult> ExtendAsync(string studyId, int trials, CancellationToken cancellationToken) => Study(studyId).ExtendAsync(trials, cancellationToken);

    /// <inheritdoc />
    public Task<StudySummary> CancelAsync(string studyId, CancellationToken cancellationToken) => Study(studyId).CancelAsync();

    /// <inheritdoc />
    public Task DeleteAsync(string studyId, CancellationToken cancellationToken) => Study(studyId).DeleteAsync();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dispose?.Invoke() ?? ValueTask.CompletedTask;

    /// <summary>
    /// Whether the grain manifest this client holds has an implementation of <see cref="IStudyGrain"/> (a silo shutting
    /// down hands a new client a manifest without itself).
    /// </summary>
    internal bool HostsStudies => TryStudy("nas-manifest-probe") is not null;

    // The manifest lost the study grain: the silo that hosted it is shutting down.
    private IStudyGrain Study(string studyId) => TryStudy(studyId)
        ?? throw new CliException("The cluster no longer hosts studies: its silo is shutting down. Run the command again once a control silo is up.", ExitCodes.Unavailable);

    private IStudyGrain? TryStudy(string studyId)
    {
        try
        {
            return _grains.GetGrain<IStudyGrain>(studyId);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
