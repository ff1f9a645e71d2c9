using NasOrleans.Grains.Interfaces.Messages;
using Orleans.Concurrency;

namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// A study, keyed by its id (the spec's name): owns the trial ledger and the budget, asks its strategy
/// grain for proposals, hands trials to the scheduler and records their results exactly once.
/// </summary>
[Alias("nas.IStudyGrain")]
public interface IStudyGrain : IGrainWithStringKey
{
    /// <summary>Submits the study (canonical spec JSON). Re-submitting the same spec resumes it; a different spec under the same id is refused.</summary>
    [Alias("Submit")]
    Task<SubmitResult> SubmitAsync(string specJson, CancellationToken cancellationToken = default);

    /// <summary>The study's standing (status NotFound when never submitted).</summary>
    /// <summary>Submits the study as <see cref="SubmitAsync(string, CancellationToken)"/> does, owned by <paramref name="owner"/> (the gateway's API-key owner; empty for none).</summary>
    [Alias("SubmitOwned")]
    Task<SubmitResult> SubmitAsync(string specJson, string owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="trials"/> to the study's budget and goes on searching: a completed or exhausted study runs
    /// again, a running one runs longer. Refused (with the reason in <see cref="SubmitResult.Errors"/>) for a study that
    /// does not exist, was cancelled or failed, or when the budget would pass the spec's limit.
    /// </summary>
    [Alias("Extend")]
    Task<SubmitResult> ExtendAsync(int trials, CancellationToken cancellationToken = default);

    [Alias("GetStatus")]
    [ReadOnly]
    Task<StudySummary> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>The canonical spec JSON (trainers build their trainer from it).</summary>
    [Alias("GetSpec")]
    [ReadOnly]
    Task<string?> GetSpecAsync(CancellationToken cancellationToken = default);

    /// <summary>A page of trials.</summary>
    [Alias("GetTrials")]
    [ReadOnly]
    Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(TrialQuery query, CancellationToken cancellationToken = default);

    /// <summary>The best <paramref name="count"/> completed feasible trials, best first.</summary>
    [Alias("GetBest")]
    [ReadOnly]
    Task<IReadOnlyList<TrialRecord>> GetBestAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>A trial's learning curve: its intermediate measurements in step order.</summary>
    [Alias("GetCurve")]
    [ReadOnly]
    Task<IReadOnlyList<CurvePoint>> GetCurveAsync(long trialId, CancellationToken cancellationToken = default);

    /// <summary>Cancels the study: queued trials are dropped, running ones abandoned.</summary>
    [Alias("Cancel")]
    Task<StudySummary> CancelAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the study, its trials and its strategy state.</summary>
    [Alias("Delete")]
    Task DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>Activates the study and resumes its work after a restart.</summary>
    [Alias("Wake")]
    Task WakeAsync();

    /// <summary>Subscribes an observer to progress.</summary>
    [Alias("Watch")]
    Task WatchAsync(IStudyObserver observer);

    /// <summary>Unsubscribes an observer.</summary>
    [Alias("Unwatch")]
    Task UnwatchAsync(IStudyObserver observer);

    /// <summary>An intermediate measurement of a running trial (a heartbeat with metrics); true asks the trainer to stop it early.</summary>
    [Alias("ReportProgress")]
    Task<bool> ReportProgressAsync(long trialId, int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken = default);

    /// <summary>
    /// A trainer silo reports trainings started and finished. The first completion of a trial the study waits for is
    /// recorded (from any of its leases, once); the answer says, per completion, whether it was. The study then closes
    /// the trials' leases in the scheduler.
    /// </summary>
    [Alias("Record")]
    Task<IReadOnlyList<bool>> RecordAsync(TrialReport report, CancellationToken cancellationToken = default);

    /// <summary>
    /// The content of the newest version of the study's artifact <paramref name="name"/> (such as a tunas or mpnas
    /// study's final model), or null when there is none or the trial store keeps no artifacts.
    /// </summary>
    [Alias("GetArtifact")]
    Task<byte[]?> GetArtifactAsync(string name, CancellationToken cancellationToken = default);
}
