using NasOrleans.Client.Backends;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Tests.Commands;

/// <summary>An in-memory <see cref="IStudyClient"/> of weight-sharing studies: a job trial, its curve and each domain's argmax key.</summary>
internal sealed class FakeStudyClient : IStudyClient
{
    private readonly Dictionary<string, (StudySummary Summary, IReadOnlyList<CurvePoint> Curve, IReadOnlyDictionary<string, string?> Argmax)> _studies = new(StringComparer.Ordinal);

    /// <summary>Adds a study of <paramref name="spec"/> whose job trial has <paramref name="curve"/>, its controllers <paramref name="argmax"/> by domain.</summary>
    public StudySummary Add(StudySpec spec, IReadOnlyList<CurvePoint> curve, IReadOnlyDictionary<string, string?> argmax)
    {
        var summary = new StudySummary
        {
            StudyId = spec.Name,
            Status = StudyStatus.Running,
            SpecJson = StudySpecJson.Serialize(spec),
            SpecHash = StudySpecJson.Hash(spec),
            Seed = spec.Algorithm.Seed,
            ProductVersion = "test",
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
            MaxTrials = 1,
            Running = 1,
            Algorithm = spec.Algorithm.Name,
            Objective = "maximize validation_accuracy",
        };
        _studies[spec.Name] = (summary, curve, argmax);
        return summary;
    }

    public Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken) =>
        Task.FromResult(_studies.TryGetValue(studyId, out var s) ? s.Summary : null);

    public Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string studyId, TrialQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrialRecord>>([new TrialRecord
        {
            StudyId = studyId,
            TrialId = 1,
            ArchitectureKey = "job",
            CanonicalKey = "job",
            Status = TrialStatus.Running,
            CreatedAt = DateTimeOffset.UnixEpoch,
        }]);

    public Task<IReadOnlyList<CurvePoint>> GetCurveAsync(string studyId, long trialId, CancellationToken cancellationToken) =>
        Task.FromResult(_studies[studyId].Curve);

    public Task<PolicySnapshot> GetPolicyAsync(string studyId, string domain, CancellationToken cancellationToken) =>
        Task.FromResult(new PolicySnapshot("mpnas", 3, 3, 0, [], [], _studies[studyId].Argmax.GetValueOrDefault(domain), 1.5));

    public Task<byte[]?> GetArtifactAsync(string studyId, string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PairedAgentInfo> GetAgentAsync(string studyId, string role, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SubmitResult> SubmitAsync(string specJson, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<TrialRecord>> GetBestAsync(string studyId, int count, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SubmitResult> ExtendAsync(string studyId, int trials, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StudySummary> CancelAsync(string studyId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteAsync(string studyId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
