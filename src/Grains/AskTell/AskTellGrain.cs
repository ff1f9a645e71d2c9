using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;
using Orleans.Concurrency;

namespace NasOrleans.Grains.AskTell;

/// <summary>
/// Ask/tell for workers outside the cluster. Stateless: the leases are the scheduler shard's (one lease book for slots
/// and workers alike), the results the study's; this grain checks the arguments, names a trial's parameters from the
/// study's space, and applies <c>budget.trial_timeout</c> when a worker's lease is renewed or its result arrives.
/// </summary>
[StatelessWorker]
public sealed partial class AskTellGrain : Grain, IAskTellGrain
{
    /// <summary>Most trials one call may ask for.</summary>
    public const int MaxCount = 64;

    /// <summary>Longest client id.</summary>
    public const int MaxClientIdLength = 128;

    private static readonly ConcurrentDictionary<string, AskTellStudy> Studies = new(StringComparer.Ordinal);
    private readonly TrainerCatalog _trainers;
    private readonly TimeProvider _time;
    private readonly SchedulerShardCount _shards;
    private readonly ILogger<AskTellGrain> _logger;

    /// <summary>Creates the grain.</summary>
    public AskTellGrain(TrainerCatalog trainers, TimeProvider time, SchedulerShardCount shards, ILogger<AskTellGrain> logger)
    {
        _trainers = trainers;
        _time = time;
        // The cluster's count (the study catalog's), not this silo's option: a trainer silo may be configured with another.
        _shards = shards;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<SuggestReply> SuggestAsync(string studyId, string clientId, int count, CancellationToken cancellationToken = default)
    {
        CheckStudyId(studyId);
        CheckClientId(clientId);
        if (count is < 1 or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"count {count} is out of range; ask for 1 to {MaxCount} trials at a time"));
        }

        var study = GrainFactory.GetGrain<IStudyGrain>(studyId);
        var summary = await study.GetStatusAsync(cancellationToken);
        if (summary.Status == StudyStatus.NotFound)
        {
            throw new KeyNotFoundException($"there is no study '{studyId}'; create it first (POST /v1/studies) or check the name");
        }

        var info = Describe(summary.SpecHash, summary.SpecJson);
        if (!info.External)
        {
            throw new InvalidOperationException($"study '{studyId}' trains its trials in the cluster (trainer kind '{info.TrainerKind}'); ask/tell serves studies whose spec says trainer: {{ kind: external }}");
        }

        if (summary.Status != StudyStatus.Running)
        {
            return new SuggestReply([], true, $"study '{studyId}' is {summary.Status.ToString().ToLowerInvariant()}: no more trials");
        }

        var slot = SlotOf(clientId);
        var leases = await (await SchedulerAsync(studyId)).AcquireForStudyAsync(studyId, slot, count, cancellationToken);
        var fresh = leases.Where(l => !l.Redelivered).ToList();
        if (fresh.Count > 0)
        {
            await study.RecordAsync(new TrialReport([.. fresh.Select(l => new TrialStart(l.Lease.Task.TrialId, l.Lease.LeaseId, l.Lease.Attempt, slot.SlotId))], []), cancellationToken);
        }

        var trials = leases.Select(l => new SuggestedTrial(
            l.Lease.Task.TrialId,
            l.Lease.LeaseId,
            l.Lease.Attempt,
            info.Space.Describe(Architecture.FromKey(l.Lease.Task.ArchitectureKey)),
            l.Lease.ExpiresAt,
            l.Redelivered)).ToList();
        if (leases.Count > fresh.Count)
        {
            LogRedelivered(_logger, studyId, clientId, leases.Count - fresh.Count);
        }

        return new SuggestReply(trials, false, trials.Count == 0 ? "no trial is queued now (all are leased, or the study is between proposals); ask again shortly" : null);
    }

    /// <inheritdoc />
    public async Task<HeartbeatReply> HeartbeatAsync(string studyId, long trialId, Guid leaseId, CancellationToken cancellationToken = default)
    {
        CheckStudyId(studyId);
        var lease = await CurrentAsync(studyId, trialId, leaseId, cancellationToken);
        if (lease is null)
        {
            return HeartbeatReply.LeaseLost;
        }

        return await TimedOutAsync(studyId, lease, cancellationToken) ? HeartbeatReply.Stop : HeartbeatReply.Continue;
    }

    /// <inheritdoc />
    public async Task<bool> ReportIntermediateAsync(string studyId, long trialId, Guid leaseId, int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken = default)
    {
        CheckStudyId(studyId);
        ArgumentNullException.ThrowIfNull(metrics);
        CheckMetrics(metrics);
        var lease = await CurrentAsync(studyId, trialId, leaseId, cancellationToken)
            ?? throw new InvalidOperationException(LeaseLostMessage(trialId, leaseId));
        if (await TimedOutAsync(studyId, lease, cancellationToken))
        {
            return true;
        }

        return await GrainFactory.GetGrain<IStudyGrain>(studyId).ReportProgressAsync(trialId, step, metrics, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TellReply> CompleteAsync(string studyId, long trialId, Guid leaseId, IReadOnlyDictionary<string, double> metrics, string? failure, CancellationToken cancellationToken = default)
    {
        CheckStudyId(studyId);
        ArgumentNullException.ThrowIfNull(metrics);
        CheckMetrics(metrics);
        var lease = await CurrentAsync(studyId, trialId, leaseId, cancellationToken);
        if (lease is null)
        {
            return new TellReply(false, LeaseLostMessage(trialId, leaseId));
        }

        if (await TimedOutAsync(studyId, lease, cancellationToken))
        {
            return new TellReply(false, $"trial {trialId} ran past budget.trial_timeout and was recorded as failed; its result is not taken");
        }

        var accepted = await Record(studyId, lease, metrics, failure is { Length: > 0 } ? failure : null, cancellationToken);
        return accepted ? new TellReply(true) : new TellReply(false, $"trial {trialId} is already finished; a trial is recorded once");
    }

    private static SlotInfo SlotOf(string clientId) => new("client:" + clientId, "external", "external");
}
