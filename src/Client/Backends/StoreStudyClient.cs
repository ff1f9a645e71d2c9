using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage;

namespace NasOrleans.Client.Backends;

/// <summary>
/// Reads studies straight from the embedded data directory's store (works while a run writes it);
/// changes go through <paramref name="writer"/>, opened on first use.
/// </summary>
internal sealed class StoreStudyClient(ITrialStore store, Func<CancellationToken, Task<IStudyClient>> writer) : IStudyClient
{
    private IStudyClient? _writer;

    public Task<SubmitResult> SubmitAsync(string specJson, CancellationToken cancellationToken) =>
        WithWriter(w => w.SubmitAsync(specJson, cancellationToken), cancellationToken);

    public Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken) => store.GetStudyAsync(studyId, cancellationToken);

    public Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken) => store.ListStudiesAsync(cancellationToken);

    public Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string studyId, TrialQuery query, CancellationToken cancellationToken) =>
        store.GetTrialsAsync(studyId, query, cancellationToken);

    public Task<IReadOnlyList<TrialRecord>> GetBestAsync(string studyId, int count, CancellationToken cancellationToken) =>
        store.GetTrialsAsync(studyId, new TrialQuery(0, count, TrialStatus.Completed, TrialOrder.ByScore), cancellationToken);

    public async Task<IReadOnlyList<CurvePoint>> GetCurveAsync(string studyId, long trialId, CancellationToken cancellationToken) =>
        store is IMeasurementStore measurements
            ? [.. (await measurements.GetMeasurementsAsync(studyId, trialId, cancellationToken)).Select(m => new CurvePoint(m.Step, m.Metrics, m.RecordedAt))]
            : [];

    public async Task<byte[]?> GetArtifactAsync(string studyId, string name, CancellationToken cancellationToken) =>
        store is IArtifactStore artifacts && await artifacts.GetLatestArtifactAsync(studyId, name, cancellationToken) is { } stored ? stored.Content.ToArray() : null;

    public Task<PolicySnapshot> GetPolicyAsync(string studyId, string domain, CancellationToken cancellationToken) =>
        WithWriter(w => w.GetPolicyAsync(studyId, domain, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<PairedAgentInfo> GetAgentAsync(string studyId, string role, CancellationToken cancellationToken) =>
        WithWriter(w => w.GetAgentAsync(studyId, role, cancellationToken), cancellationToken);

    public Task<SubmitResult> ExtendAsync(string studyId, int trials, CancellationToken cancellationToken) =>
        WithWriter(w => w.ExtendAsync(studyId, trials, cancellationToken), cancellationToken);

    public Task<StudySummary> CancelAsync(string studyId, CancellationToken cancellationToken) =>
        WithWriter(w => w.CancelAsync(studyId, cancellationToken), cancellationToken);

    public Task DeleteAsync(string studyId, CancellationToken cancellationToken) =>
        WithWriter(async w => { await w.DeleteAsync(studyId, cancellationToken); return true; }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        (store as IDisposable)?.Dispose();
    }

    private async Task<T> WithWriter<T>(Func<IStudyClient, Task<T>> action, CancellationToken cancellationToken)
    {
        _writer ??= await writer(cancellationToken);
        return await action(_writer);
    }
}
