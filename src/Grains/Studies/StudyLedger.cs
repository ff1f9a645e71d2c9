using NasOrleans.Core.Reports;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Studies;

/// <summary>
/// A study's trials in memory, with no Orleans in it: the budget (distinct architectures sent to
/// training), answers from the ledger for architectures already evaluated, and the rule that a trial
/// is recorded as finished once. The grain persists what it returns.
/// </summary>
internal sealed class StudyLedger
{
    private readonly Dictionary<long, TrialRecord> _trials = [];
    private readonly Dictionary<string, long> _trainedByCanonical = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<long>> _waitingOn = [];
    private readonly List<string?> _firstOutcomes = [];
    private readonly StudySpec _spec;
    private readonly StudyScoring _scoring;

    // Rounds of an environment-design study report the objective (the held-out solved rate) only when they evaluate.
    private readonly bool _scoreOptional;

    public StudyLedger(StudySpec spec, IEnumerable<TrialRecord> trials)
    {
        _spec = spec;
        _scoring = new StudyScoring(spec);
        _scoreOptional = Core.Strategies.StrategyCatalog.Find(spec.Algorithm.Name)?.RoundsAsTrials == true;
        foreach (var t in trials.OrderBy(t => t.TrialId))
        {
            Track(t);
        }
    }

    public long NextTrialId { get; private set; } = 1;

    /// <summary>Distinct architectures sent to training (the budget's unit).</summary>
    public int Trained { get; private set; }

    public int InFlight { get; private set; }

    /// <summary>Trials a trainer reported as started and that have not finished.</summary>
    public int Running { get; private set; }

    public int Completed { get; private set; }

    public int Failed { get; private set; }

    public int Cached { get; private set; }

    /// <summary>Trials that finished (trained or answered from the ledger): the strategy must have observed each.</summary>
    public int Finished { get; private set; }

    public int Waiting => _waitingOn.Values.Sum(w => w.Count);

    /// <summary>The best completed feasible trial in <see cref="TrialRanking"/> order (ties: the earliest trial).</summary>
    public TrialRecord? Best { get; private set; }

    /// <summary>The error of the trial that failed last, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Proposals answered from the ledger in a row; a study that only gets those has exhausted its space.</summary>
    public int ConsecutiveCached { get; private set; }

    public IEnumerable<TrialRecord> Trials => _trials.Values;

    /// <summary>How many new trainings may start now.</summary>
    public int Capacity => Math.Max(0, Math.Min(_spec.Budget.ParallelTrials - InFlight, _spec.Budget.MaxTrials - Trained));

    public bool BudgetSpent => Trained >= _spec.Budget.MaxTrials && InFlight == 0 && Waiting == 0;

    public bool TooManyFailures => Failed > _spec.Budget.MaxFailedTrials;

    /// <summary>
    /// The error when the first <see cref="RepeatedFailureCount"/> trained trials to finish all failed with the same error (a
    /// deterministic failure: the rest of the budget would fail alike), else null.
    /// </summary>
    public string? RepeatedFailure =>
        _firstOutcomes.Count == RepeatedFailureCount && _firstOutcomes[0] is { } error && _firstOutcomes.All(e => e == error) ? error : null;

    /// <summary>How many first trials failing alike stop a study.</summary>
    public static int RepeatedFailureCount => 3;

    public IEnumerable<TrialRecord> Outstanding => _trials.Values.Where(t => t.Status is TrialStatus.Pending or TrialStatus.Running && t.SourceTrialId is null);

    public TrialRecord? Get(long trialId) => _trials.GetValueOrDefault(trialId);

    /// <summary>The search score of <paramref name="metrics"/> (the objective turned higher-is-better), or null.</summary>
    public double? Score(IReadOnlyDictionary<string, double> metrics) => _scoring.Score(metrics);

    /// <summary>
    /// Records a proposal. A new architecture becomes a pending trial to train; one the study already
    /// trained becomes a cached trial with that result; one in training waits for it.
    /// </summary>
    public TrialRecord AddProposal(long trialId, string architectureKey, string canonicalKey, string display, DateTimeOffset now)
    {
        var record = new TrialRecord
        {
            StudyId = _spec.Name,
            TrialId = trialId,
            ArchitectureKey = architectureKey,
            CanonicalKey = canonicalKey,
            Status = TrialStatus.Pending,
            CreatedAt = now,
            Display = display,
        };
        if (_trainedByCanonical.TryGetValue(canonicalKey, out var sourceId))
        {
            var source = _trials[sourceId];
            record = IsFinished(source.Status) ? CopyResult(record with { SourceTrialId = sourceId }, source, now) : record with { SourceTrialId = sourceId };
            ConsecutiveCached++;
        }
        else
        {
            ConsecutiveCached = 0;
        }

        Track(record);
        return record;
    }

    /// <summary>
    /// Records a trainer's result. Returns the rows that changed (the trial and any cached trials that
    /// waited on it), or nothing when the trial is unknown or already finished.
    /// </summary>
    public List<TrialRecord> Complete(TrialCompletion completion, DateTimeOffset now)
    {
        var changed = new List<TrialRecord>();
        if (!_trials.TryGetValue(completion.Task.TrialId, out var trial) || IsFinished(trial.Status) || trial.SourceTrialId is not null)
        {
            return changed;
        }

        var score = completion.Succeeded ? _scoring.Score(completion.Metrics) : null;
        var error = completion.Error;
        var completed = score is not null || (completion.Succeeded && _scoreOptional);
        if (completion.Succeeded && !completed)
        {
            error = $"the trainer did not report the objective metric '{_spec.Objective.Metric}' (it reported: {string.Join(", ", completion.Metrics.Keys)})";
        }

        var finished = trial with
        {
            Status = completed ? TrialStatus.Completed : TrialStatus.Failed,
            Metrics = completion.Metrics,
            Score = score,
            Feasible = score is not null && _scoring.Feasible(completion.Metrics),
            Error = completed ? null : error ?? "failed",
            Trainer = completion.Trainer,
            Attempt = Math.Max(trial.Attempt, completion.Attempt),
            FinishedAt = now,
            DurationSeconds = completion.DurationSeconds,
        };
        Replace(trial, finished);
        changed.Add(finished);
        ResolveWaiting(trial.TrialId, finished, now, changed);
        return changed;
    }

    /// <summary>
    /// A finished row of a trial this ledger still waits on, as the trial store holds it (recorded by another activation
    /// of the study): the row replaces the trial, and trials waiting on its result get copies. Returns the changed rows;
    /// none when the trial is unknown, already finished here, a copy, or <paramref name="stored"/> is not finished.
    /// </summary>
    public List<TrialRecord> Adopt(TrialRecord stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var changed = new List<TrialRecord>();
        if (!IsFinished(stored.Status) || !_trials.TryGetValue(stored.TrialId, out var trial) || IsFinished(trial.Status) || trial.SourceTrialId is not null)
        {
            return changed;
        }

        Replace(trial, stored);
        changed.Add(stored);
        ResolveWaiting(trial.TrialId, stored, now, changed);
        return changed;
    }

    /// <summary>
    /// A trainer started training a trial: it becomes Running and its attempt count rises to the lease's. Returns the
    /// changed row, or null when the trial is unknown, finished, or already running under that attempt or a later one.
    /// </summary>
    public TrialRecord? Start(TrialStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (!_trials.TryGetValue(start.TrialId, out var trial) || IsFinished(trial.Status) || trial.SourceTrialId is not null
            || (trial.Status == TrialStatus.Running && trial.Attempt >= start.Attempt))
        {
            return null;
        }

        var running = trial with { Status = TrialStatus.Running, Attempt = Math.Max(trial.Attempt, start.Attempt), Trainer = start.Trainer };
        Replace(trial, running);
        return running;
    }

    /// <summary>Marks every unfinished trial stopped (cancel); returns them.</summary>
    public List<TrialRecord> StopAll(DateTimeOffset now, string reason)
    {
        var stopped = _trials.Values.Where(t => !IsFinished(t.Status)).Select(t => t with { Status = TrialStatus.Stopped, Error = reason, FinishedAt = now }).ToList();
        foreach (var t in stopped)
        {
            Replace(_trials[t.TrialId], t);
        }

        _waitingOn.Clear();
        return stopped;
    }

    public static bool IsFinished(TrialStatus status) => status is TrialStatus.Completed or TrialStatus.Failed or TrialStatus.Cached or TrialStatus.Stopped;

    private static TrialRecord CopyResult(TrialRecord record, TrialRecord source, DateTimeOffset now) => record with
    {
        Status = TrialStatus.Cached,
        Metrics = source.Metrics,
        Score = source.Score,
        Feasible = source.Feasible,
        Error = source.Error,
        FinishedAt = now,
        DurationSeconds = 0,
    };

    /// <summary>Gives the trials waiting on <paramref name="trialId"/>'s result copies of <paramref name="finished"/>, adding them to <paramref name="changed"/>.</summary>
    private void ResolveWaiting(long trialId, TrialRecord finished, DateTimeOffset now, List<TrialRecord> changed)
    {
        if (_waitingOn.Remove(trialId, out var waiting))
        {
            foreach (var id in waiting)
            {
                var copy = CopyResult(_trials[id], finished, now);
                Replace(_trials[id], copy);
                changed.Add(copy);
            }
        }
    }

    private void Replace(TrialRecord old, TrialRecord updated)
    {
        Untrack(old);
        Track(updated);
    }

    private void Track(TrialRecord t)
    {
        _trials[t.TrialId] = t;
        NextTrialId = Math.Max(NextTrialId, t.TrialId + 1);
        var finished = IsFinished(t.Status);
        if (finished && t.Status != TrialStatus.Stopped)
        {
            Finished++;
        }

        if (t.SourceTrialId is { } source)
        {
            if (t.Status == TrialStatus.Cached)
            {
                Cached++;
            }
            else if (!finished)
            {
                (_waitingOn.TryGetValue(source, out var list) ? list : _waitingOn[source] = []).Add(t.TrialId);
            }

            return;
        }

        Trained++;
        _trainedByCanonical.TryAdd(t.CanonicalKey, t.TrialId);
        if (t.Status is TrialStatus.Completed or TrialStatus.Failed && _firstOutcomes.Count < RepeatedFailureCount)
        {
            _firstOutcomes.Add(t.Status == TrialStatus.Failed ? t.Error ?? "failed" : null);
        }

        switch (t.Status)
        {
            case TrialStatus.Completed:
                Completed++;
                if (t.Feasible && t.Score is { } s && (Best is not { Score: { } b } best || TrialRanking.IsBetter(s, t.TrialId, b, best.TrialId)))
                {
                    Best = t;
                }

                break;
            case TrialStatus.Failed:
                Failed++;
                LastError = t.Error;
                break;
            case TrialStatus.Pending or TrialStatus.Running:
                InFlight++;
                Running += t.Status == TrialStatus.Running ? 1 : 0;
                break;
        }
    }

    private void Untrack(TrialRecord t)
    {
        if (IsFinished(t.Status) && t.Status != TrialStatus.Stopped)
        {
            Finished--;
        }

        if (t.SourceTrialId is not null)
        {
            if (t.Status == TrialStatus.Cached)
            {
                Cached--;
            }

            return;
        }

        Trained--;
        switch (t.Status)
        {
            case TrialStatus.Completed:
                Completed--;
                break;
            case TrialStatus.Failed:
                Failed--;
                break;
            case TrialStatus.Pending or TrialStatus.Running:
                InFlight--;
                Running -= t.Status == TrialStatus.Running ? 1 : 0;
                break;
        }
    }
}
