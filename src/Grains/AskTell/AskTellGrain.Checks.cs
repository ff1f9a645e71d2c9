using System.Globalization;
using Microsoft.Extensions.Logging;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.AskTell;

public sealed partial class AskTellGrain
{
    /// <summary>Most metrics in one report.</summary>
    public const int MaxMetrics = 256;

    private static void CheckStudyId(string studyId)
    {
        if (string.IsNullOrWhiteSpace(studyId))
        {
            throw new ArgumentException("study_id is empty; name the study", nameof(studyId));
        }
    }

    private static void CheckClientId(string clientId)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > MaxClientIdLength || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"client_id '{clientId}' is not allowed; use 1 to {MaxClientIdLength} characters of A-Z a-z 0-9 . _ : - that stay the same when the worker restarts (a host name and a worker number)"), nameof(clientId));
        }
    }

    private static void CheckMetrics(IReadOnlyDictionary<string, double> metrics)
    {
        if (metrics.Count > MaxMetrics)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{metrics.Count} metrics in one report; send at most {MaxMetrics}"), nameof(metrics));
        }

        foreach (var (name, value) in metrics)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 128)
            {
                throw new ArgumentException($"metric name '{name}' is not allowed; use 1 to 128 characters", nameof(metrics));
            }

            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"metric '{name}' is {value}; report finite numbers (report a failure instead of a NaN result)", nameof(metrics));
            }
        }
    }

    private static string LeaseLostMessage(long trialId, Guid leaseId) =>
        $"lease {leaseId} is not the current lease of trial {trialId} (it expired and the trial went back to the queue, or the trial is finished or the study ended); drop this trial and ask for another";

    private AskTellStudy Describe(string specHash, string specJson) =>
        Studies.GetOrAdd(specHash, _ => AskTellStudy.From(StudySpecParser.ParseJson(specJson, _trainers)));

    private async Task<ExternalLease?> CurrentAsync(string studyId, long trialId, Guid leaseId, CancellationToken cancellationToken) =>
        await (await SchedulerAsync(studyId)).RenewLeaseAsync(studyId, trialId, leaseId, cancellationToken);

    private async ValueTask<ISchedulerGrain> SchedulerAsync(string studyId) => SchedulerShards.For(GrainFactory, studyId, await _shards.GetAsync());

    /// <summary>True when the lease ran past the study's trial timeout; the trial is then recorded as failed under that lease.</summary>
    private async Task<bool> TimedOutAsync(string studyId, ExternalLease lease, CancellationToken cancellationToken)
    {
        // By the lease's spec hash: no call to the study once this silo has seen the spec.
        var hash = lease.Lease.Task.SpecHash;
        if (!Studies.TryGetValue(hash, out var info))
        {
            var spec = await GrainFactory.GetGrain<IStudyGrain>(studyId).GetSpecAsync(cancellationToken) ?? throw new KeyNotFoundException($"there is no study '{studyId}'");
            info = Describe(hash, spec);
        }

        var elapsed = _time.GetUtcNow() - lease.GrantedAt;
        if (info.TrialTimeout is not { } timeout || elapsed <= timeout)
        {
            return false;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"trial_timeout: still training after {elapsed.TotalSeconds:0.#} s (budget.trial_timeout = {timeout.TotalSeconds:0.#} s), stopped");
        await Record(studyId, lease, new Dictionary<string, double>(), reason, cancellationToken);
        LogTimedOut(_logger, studyId, lease.Lease.Task.TrialId, timeout.TotalSeconds);
        return true;
    }

    private async Task<bool> Record(string studyId, ExternalLease lease, IReadOnlyDictionary<string, double> metrics, string? failure, CancellationToken cancellationToken)
    {
        var completion = new TrialCompletion
        {
            LeaseId = lease.Lease.LeaseId,
            Task = lease.Lease.Task,
            Succeeded = failure is null,
            Metrics = metrics,
            Error = failure,
            Trainer = lease.Holder is { Length: > 0 } holder ? holder : "external",
            Attempt = lease.Lease.Attempt,
            DurationSeconds = Math.Max(0, (_time.GetUtcNow() - lease.GrantedAt).TotalSeconds),
        };
        var accepted = await GrainFactory.GetGrain<IStudyGrain>(studyId).RecordAsync(new TrialReport([], [completion]), cancellationToken);
        return accepted.Count == 1 && accepted[0];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {StudyId}: client {ClientId} asked again and got back {Count} unfinished trials")]
    private static partial void LogRedelivered(ILogger logger, string studyId, string clientId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Study {StudyId}: trial {TrialId} of an ask/tell worker ran past budget.trial_timeout ({Seconds} s) and is recorded as failed")]
    private static partial void LogTimedOut(ILogger logger, string studyId, long trialId, double seconds);
}
