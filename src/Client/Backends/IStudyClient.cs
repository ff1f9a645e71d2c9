using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Backends;

/// <summary>What the command line (and a .NET program) can ask of studies, on the embedded data directory or a cluster.</summary>
public interface IStudyClient : IAsyncDisposable
{
    /// <summary>Submits a study (canonical spec JSON).</summary>
    Task<SubmitResult> SubmitAsync(string specJson, CancellationToken cancellationToken);

    /// <summary>A study's summary, or null when there is no such study.</summary>
    Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken);

    /// <summary>Every study, newest first.</summary>
    Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken);

    /// <summary>A page of a study's trials.</summary>
    Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string studyId, TrialQuery query, CancellationToken cancellationToken);

    /// <summary>A study's best trials, best first.</summary>
    Task<IReadOnlyList<TrialRecord>> GetBestAsync(string studyId, int count, CancellationToken cancellationToken);

    /// <summary>A trial's learning curve (intermediate measurements by step).</summary>
    Task<IReadOnlyList<CurvePoint>> GetCurveAsync(string studyId, long trialId, CancellationToken cancellationToken);

    /// <summary>The content of a study's newest artifact version (such as a tunas or mpnas study's final model), or null.</summary>
    Task<byte[]?> GetArtifactAsync(string studyId, string name, CancellationToken cancellationToken);

    /// <summary>The policy of a study's controller (for algorithms that learn one: reinforce, ppo, tabnas).</summary>
    Task<PolicySnapshot> GetPolicyAsync(string studyId, string domain, CancellationToken cancellationToken);

    /// <summary>The counts of an environment-design study's agent in <paramref name="role"/> (see <see cref="Grains.Interfaces.PairedRoles"/>).</summary>
    Task<PairedAgentInfo> GetAgentAsync(string studyId, string role, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="trials"/> to a study's budget (a completed study runs again); refused, with the reason in
    /// <see cref="SubmitResult.Errors"/>, for a cancelled or failed study or a budget past the spec's limit.
    /// </summary>
    Task<SubmitResult> ExtendAsync(string studyId, int trials, CancellationToken cancellationToken);

    /// <summary>Cancels a study.</summary>
    Task<StudySummary> CancelAsync(string studyId, CancellationToken cancellationToken);

    /// <summary>Deletes a study and its trials.</summary>
    Task DeleteAsync(string studyId, CancellationToken cancellationToken);
}
