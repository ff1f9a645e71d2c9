using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NasOrleans.Core.EarlyStopping;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;
using NasOrleans.Grains.Telemetry;
using NasOrleans.Storage;
using Orleans.Utilities;

namespace NasOrleans.Grains.Studies;

/// <summary>
/// A study: validates and stores its spec, keeps the budget, asks its strategy for proposals, offers trials to its
/// scheduler shard and records each result once, in batches that trainer silos send. It calls the strategy and the
/// scheduler, and nothing it calls calls it back. Trials are rows of the trial store.
/// </summary>
public sealed partial class StudyGrain : Grain, IStudyGrain, IRemindable
{
    private const string WakeReminder = "wake";
    private readonly IPersistentState<StudyState> _state;
    private readonly ITrialStore _store;
    private readonly TrainerCatalog _trainers;
    private readonly TrainerEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly StudyOptions _options;
    private readonly int _shards;
    private readonly ILogger<StudyGrain> _logger;
    private readonly ObserverManager<IStudyObserver> _observers;
    private StudySpec? _spec;
    private SearchSpace? _space;
    private StudyLedger? _ledger;
    private IEarlyStoppingRule? _earlyStopping;
    private ArtifactRetention? _artifacts;
    private bool _observationsChecked;
    private string? _job;
    private bool _rounds;
    private DateTimeOffset _summarySavedAt;

    /// <summary>Creates the grain.</summary>
    public StudyGrain(
        [PersistentState("study", StorageNames.Grains)] IPersistentState<StudyState> state,
        ITrialStore store,
        TrainerCatalog trainers,
        TrainerEnvironment environment,
        TimeProvider time,
        IOptions<StudyOptions> options,
        IOptions<SchedulerOptions> scheduler,
        ILogger<StudyGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        _shards = scheduler.Value.Shards;
        _state = state;
        _store = store;
        _trainers = trainers;
        _environment = environment;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _observers = new ObserverManager<IStudyObserver>(TimeSpan.FromMinutes(1), logger);
    }

    private string StudyId => this.GetPrimaryKeyString();

    private IStrategyGrain StrategyGrain => StrategyGrains.For(GrainFactory, StudyId, (_spec ?? throw new InvalidOperationException($"Study '{StudyId}' has no spec.")).Algorithm.Name);

    private ISchedulerGrain Scheduler => SchedulerShards.For(GrainFactory, StudyId, _shards);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.State.SpecJson is { } json)
        {
            await LoadAsync(json, cancellationToken);
            if (_state.State.Status == StudyStatus.Running)
            {
                StartTimer();
                await KeepWakingAsync();
            }
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder only activates the grain (activation resumes a running study); a finished study drops it.
        if (_state.State.Status != StudyStatus.Running && await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <inheritdoc />
    public Task<SubmitResult> SubmitAsync(string specJson, CancellationToken cancellationToken = default) => SubmitAsync(specJson, "", cancellationToken);

    /// <inheritdoc />
    public async Task<SubmitResult> SubmitAsync(string specJson, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        StudySpec spec;
        try
        {
            spec = StudySpecParser.ParseJson(specJson, _trainers);
        }
        catch (SpecValidationException ex)
        {
            return new SubmitResult(false, null, [.. ex.Errors.Select(e => $"{e.Field}: {e.Message}")]);
        }

        if (spec.Name != StudyId)
        {
            return new SubmitResult(false, null, [$"name: the spec is named '{spec.Name}' but was submitted as study '{StudyId}'; submit it under its name"]);
        }

        var hash = StudySpecJson.Hash(spec);
        if (_state.State.SpecJson is not null)
        {
            if (_state.State.SpecHash != hash)
            {
                return new SubmitResult(false, null, [$"name: a study '{StudyId}' already exists with a different spec; choose another name, or delete it first (nas delete {StudyId})"]);
            }

            if (!string.Equals(_state.State.Owner, owner, StringComparison.Ordinal))
            {
                return new SubmitResult(false, null, [$"name: a study '{StudyId}' already exists and belongs to another owner; choose another name"]);
            }

            return new SubmitResult(true, BuildSummary(), []);
        }

        // Reading and hashing the data is slow work: it runs on the thread pool, off this grain's turn (the turn awaits it).
        var data = await StudyDataChecks.CheckAsync(spec, _trainers, _environment);
        if (data.Errors.Count > 0)
        {
            return new SubmitResult(false, null, [.. data.Errors.Select(e => e.ToString())]);
        }

        var checksums = await Task.Run(() => DataChecksums.Compute(_trainers, spec.Trainer, _environment));
        var canonical = StudySpecJson.Serialize(spec);
        _state.State = new StudyState
        {
            SpecJson = canonical,
            SpecHash = hash,
            Status = StudyStatus.Running,
            CreatedAt = _time.GetUtcNow(),
            ProductVersion = ProductInfo.Version,
            DataChecksums = checksums,
            TraceParent = NasTelemetry.TraceParentOf(Activity.Current),
            Owner = owner,
        };
        await LoadAsync(canonical, CancellationToken.None);
        await Task.WhenAll(StrategyGrains.AllFor(GrainFactory, StudyId, spec).Select(g => g.InitializeAsync(canonical, CancellationToken.None)));
        await _state.WriteStateAsync();
        LogSubmitted(_logger, StudyId, spec.Algorithm.Name, spec.Budget.MaxTrials);
        await PumpAsync();
        await SaveSummaryAsync();
        StartTimer();
        await KeepWakingAsync();
        return new SubmitResult(true, BuildSummary(), []);
    }

    /// <inheritdoc />
    public Task<StudySummary> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(BuildSummary());

    /// <inheritdoc />
    public Task<string?> GetSpecAsync(CancellationToken cancellationToken = default) => Task.FromResult(_state.State.SpecJson);

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(TrialQuery query, CancellationToken cancellationToken = default) => _store.GetTrialsAsync(StudyId, query, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialRecord>> GetBestAsync(int count, CancellationToken cancellationToken = default) =>
        _store.GetTrialsAsync(StudyId, new TrialQuery(0, Math.Clamp(count, 1, 10_000), TrialStatus.Completed, TrialOrder.ByScore), cancellationToken);

    /// <inheritdoc />
    public async Task<StudySummary> CancelAsync(CancellationToken cancellationToken = default)
    {
        if (_state.State.Status == StudyStatus.Running && _ledger is not null)
        {
            await _store.UpsertTrialsAsync(_ledger.StopAll(_time.GetUtcNow(), "study cancelled"));
            await FinishAsync(StudyStatus.Cancelled, "cancelled by a user");
        }

        return BuildSummary();
    }

    /// <inheritdoc />
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        await Scheduler.DropStudyAsync(StudyId);
        await _store.DeleteStudyAsync(StudyId, cancellationToken);
        if (_spec is not null)
        {
            await Task.WhenAll(StrategyGrains.AllFor(GrainFactory, StudyId, _spec).Select(g => g.ClearAsync(CancellationToken.None)));
            await Task.WhenAll(StrategyGrains.AgentsFor(GrainFactory, StudyId, _spec).Select(g => g.ClearAsync(CancellationToken.None)));
        }

        if (_artifacts is { } artifacts)
        {
            await Task.Run(artifacts.DeleteAll);
        }

        await _state.ClearStateAsync();
        _state.State = new StudyState();
        _ledger = null;
        _spec = null;
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public Task WakeAsync() => _state.State.Status == StudyStatus.Running ? ResyncAsync(CancellationToken.None) : Task.CompletedTask;

    /// <inheritdoc />
    public Task WatchAsync(IStudyObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnwatchAsync(IStudyObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<bool> ReportProgressAsync(long trialId, int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (_ledger?.Get(trialId) is not { Status: TrialStatus.Pending or TrialStatus.Running } || _state.State.Status != StudyStatus.Running)
        {
            return false;
        }

        if (_store is IMeasurementStore measurements)
        {
            await measurements.AppendMeasurementsAsync([new TrialMeasurement { StudyId = StudyId, TrialId = trialId, Step = step, Metrics = metrics, RecordedAt = _time.GetUtcNow() }], cancellationToken);
        }

        var score = _ledger.Score(metrics);
        var stop = score is { } s && _earlyStopping is { } rule && rule.Report(trialId, step, s);
        if (stop)
        {
            LogStoppedEarly(_logger, StudyId, trialId, step);
        }

        return stop;
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetArtifactAsync(string name, CancellationToken cancellationToken = default) =>
        _store is IArtifactStore artifacts && await artifacts.GetLatestArtifactAsync(StudyId, name, cancellationToken) is { } stored
            ? stored.Content.ToArray()
            : null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<CurvePoint>> GetCurveAsync(long trialId, CancellationToken cancellationToken = default) =>
        _store is IMeasurementStore measurements
            ? [.. (await measurements.GetMeasurementsAsync(StudyId, trialId, cancellationToken)).Select(m => new CurvePoint(m.Step, m.Metrics, m.RecordedAt))]
            : [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<bool>> RecordAsync(TrialReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var accepted = new bool[report.Completions.Count];
        if (_ledger is null || _state.State.Status != StudyStatus.Running)
        {
            return accepted;
        }

        var now = _time.GetUtcNow();
        var changed = new List<TrialRecord>();
        changed.AddRange(report.Started.Select(_ledger.Start).OfType<TrialRecord>());
        var log = new List<CompletionLogEntry>();
        for (var i = 0; i < report.Completions.Count; i++)
        {
            var completion = report.Completions[i];
            var rows = _ledger.Complete(completion, now);
            if (rows.Count > 0)
            {
                // The first row is the trial the lease trained; the rest are copies of its result.
                accepted[i] = true;
                log.Add(new CompletionLogEntry
                {
                    StudyId = StudyId,
                    TrialId = rows[0].TrialId,
                    LeaseId = completion.LeaseId,
                    Attempt = completion.Attempt,
                    Status = rows[0].Status,
                    RecordedAt = now,
                });
                changed.AddRange(rows);
            }
        }

        if (changed.Count > 0)
        {
            // One row per trial (a trial may start and finish in one report); the completion log is appended in the
            // same transaction as the rows, so that a second recording stays visible.
            var rows = changed.GroupBy(t => t.TrialId).Select(g => g.Last()).ToList();
            await (log.Count > 0 && _store is ICompletionLog completions ? completions.RecordCompletionsAsync(rows, log, cancellationToken) : _store.UpsertTrialsAsync(rows, cancellationToken));
        }

        if (report.Completions.Count > 0)
        {
            await Scheduler.CloseAsync(StudyId, [.. report.Completions.Select(c => c.Task.TrialId).Distinct()], cancellationToken);
        }

        var finished = changed.Where(t => StudyLedger.IsFinished(t.Status)).ToList();
        if (finished.Count > 0)
        {
            await AfterResultsAsync(finished, now);
        }

        return accepted;
    }

    private async Task AfterResultsAsync(List<TrialRecord> changed, DateTimeOffset now)
    {
        _artifacts?.Offer(changed);
        foreach (var t in changed.Where(t => t.SourceTrialId is null))
        {
            (t.Status == TrialStatus.Completed ? NasTelemetry.TrialsCompleted : NasTelemetry.TrialsFailed).Add(1);
            using (var recorded = NasTelemetry.StartTrialActivity(NasTelemetry.TrialRecordActivity, StudyId, t.TrialId, _state.State.TraceParent))
            {
                recorded?.SetTag(NasTelemetry.TrialStatusTag, t.Status.ToString());
            }

            NasTelemetry.TrialDuration.Record(t.DurationSeconds ?? 0);
        }

        if (_job is null)
        {
            await StrategyGrain.ObserveAsync([.. changed.Select(t => new Observation(t.TrialId, t.ArchitectureKey, t.Score))]);
        }

        if (_ledger!.TooManyFailures)
        {
            await FinishAsync(StudyStatus.Failed, $"{_ledger.Failed} trials failed, more than budget.max_failed_trials = {_spec!.Budget.MaxFailedTrials}; last error: {changed.LastOrDefault(t => t.Error is not null)?.Error}");
            return;
        }

        if (_ledger.RepeatedFailure is { } repeated)
        {
            await FinishAsync(StudyStatus.Failed, $"the first {StudyLedger.RepeatedFailureCount} trials failed with the same error, so the study stopped instead of spending its budget: {repeated}");
            return;
        }

        await PumpAsync();
        if (now - _summarySavedAt > TimeSpan.FromSeconds(1))
        {
            await SaveSummaryAsync();
        }
    }

    private async Task LoadAsync(string specJson, CancellationToken cancellationToken)
    {
        _spec = StudySpecParser.ParseJson(specJson, _trainers);
        if (_state.State.ExtraTrials > 0)
        {
            _spec = _spec with { Budget = _spec.Budget with { MaxTrials = _spec.Budget.MaxTrials + _state.State.ExtraTrials } };
        }

        _space = SpaceCatalog.Create(_spec.Space);
        _ledger = new StudyLedger(_spec, await _store.GetAllTrialsAsync(StudyId, cancellationToken));
        _earlyStopping = EarlyStoppingRules.Create(_spec.EarlyStopping);
        _artifacts = new ArtifactRetention(_environment.ArtifactDirectory, StudyId, _options.KeepBestArtifacts, _ledger.Trials);
        var algorithm = StrategyCatalog.Find(_spec.Algorithm.Name);
        _job = algorithm?.Job;
        _rounds = algorithm?.RoundsAsTrials == true;
    }

    /// <summary>
    /// A durable reminder wakes the study if every silo that hosted it died: activation resumes its work, re-checking
    /// its trials with the scheduler. Reminders tick at most once a minute; the resync timer does the frequent work.
    /// </summary>
    private async Task KeepWakingAsync()
    {
        if (_state.State.Status == StudyStatus.Running)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    private void StartTimer() =>
        this.RegisterGrainTimer(ResyncAsync, new GrainTimerCreationOptions(TimeSpan.Zero, _options.ResyncInterval));

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        if (_ledger is null || _state.State.Status != StudyStatus.Running)
        {
            return;
        }

        DelayDeactivation(TimeSpan.FromMinutes(5));
        if (!_observationsChecked && _job is null)
        {
            // A crash between recording results and telling the strategy leaves the strategy behind: catch it up.
            if (await StrategyGrain.GetObservedCountAsync() != _ledger.Finished)
            {
                await StrategyGrain.ObserveAsync([.. _ledger.Trials.Where(t => StudyLedger.IsFinished(t.Status) && t.Status != TrialStatus.Stopped)
                    .Select(t => new Observation(t.TrialId, t.ArchitectureKey, t.Score))]);
            }

            _observationsChecked = true;
        }

        await AdoptStoredResultsAsync(cancellationToken);
        if (_state.State.Status != StudyStatus.Running)
        {
            return;
        }

        await PumpAsync();
        // Every trial still waited for, so that a scheduler shard that moved rebuilds its queue (and drops what is done).
        await Scheduler.OfferAsync(Work([.. _ledger.Outstanding.Select(TaskOf)], resync: true), cancellationToken);

        await SaveSummaryAsync();
    }

    private async Task PumpAsync()
    {
        if (_ledger is null || _space is null || _state.State.Status != StudyStatus.Running)
        {
            return;
        }

        using var activity = NasTelemetry.ActivitySource.StartActivity("study.pump");
        if (_job is not null)
        {
            await PumpJobAsync(_job);
            return;
        }

        var rows = new List<TrialRecord>();
        var tasks = new List<TrialTask>();
        while (_ledger.Capacity > 0 && _ledger.ConsecutiveCached < _options.MaxConsecutiveCached)
        {
            var started = Stopwatch.GetTimestamp();
            var proposals = await StrategyGrain.ProposeAsync(_ledger.NextTrialId, _ledger.Capacity);
            NasTelemetry.ProposalLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var observations = new List<Observation>();
            foreach (var p in proposals)
            {
                var architecture = Architecture.FromKey(p.ArchitectureKey);
                var record = _ledger.AddProposal(p.TrialId, p.ArchitectureKey, _space.CanonicalKey(architecture), _space.Display(architecture), _time.GetUtcNow());
                rows.Add(record);
                if (record.SourceTrialId is null)
                {
                    tasks.Add(TaskOf(record));
                }
                else if (record.Status == TrialStatus.Cached)
                {
                    observations.Add(new Observation(record.TrialId, record.ArchitectureKey, record.Score));
                }
            }

            if (observations.Count == 0)
            {
                break;
            }

            await _store.UpsertTrialsAsync(rows);
            rows.Clear();
            await StrategyGrain.ObserveAsync(observations);
        }

        await _store.UpsertTrialsAsync(rows);
        if (tasks.Count > 0)
        {
            await Scheduler.OfferAsync(Work(tasks, resync: false));
        }

        if (_ledger.BudgetSpent)
        {
            // A study with nothing to show for its budget did not complete.
            await (_ledger.Completed == 0
                ? FinishAsync(StudyStatus.Failed, $"every trial failed; last error: {_ledger.LastError}")
                : FinishAsync(StudyStatus.Completed, null));
        }
        else if (_ledger.ConsecutiveCached >= _options.MaxConsecutiveCached && _ledger.InFlight == 0 && _ledger.Waiting == 0)
        {
            await FinishAsync(StudyStatus.Exhausted, $"the strategy proposed {_ledger.ConsecutiveCached} architectures in a row that the study had already evaluated; the space looks exhausted");
        }
    }

    private async Task FinishAsync(StudyStatus status, string? message)
    {
        _state.State.Status = status;
        _state.State.Message = message;
        await _state.WriteStateAsync();
        if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        // The scheduler shard forgets the study (its queue, leases, attempt counts), so a finished study holds no memory there.
        await Scheduler.DropStudyAsync(StudyId);

        LogFinished(_logger, StudyId, status, message ?? "");
        await SaveSummaryAsync();
    }

    private TrialTask TaskOf(TrialRecord trial) =>
        new(StudyId, trial.TrialId, trial.ArchitectureKey, _state.State.SpecHash, _state.State.TraceParent, trial.Attempt, _job ?? WorkKinds.Trial);

    /// <summary>
    /// A job algorithm's study (a supernet search) is one trial that a trainer runs as a job: offered once, re-offered
    /// like any trial when its trainer dies (the job resumes from its checkpoint), and the study ends with it.
    /// </summary>
    private async Task PumpJobAsync(string job)
    {
        if (_rounds)
        {
            await PumpRoundsAsync(job);
            return;
        }

        if (_ledger!.NextTrialId == 1)
        {
            var largest = LargestArchitecture.Find(_space!, a => a.Values.Where(v => !double.IsNaN(v)).Sum());
            var domains = _spec!.Domains?.Count ?? 1;
            var record = _ledger.AddProposal(1, largest.Key, "job:" + job, $"{job} ({_spec.Algorithm.Name}, {domains} domain{(domains == 1 ? "" : "s")})", _time.GetUtcNow());
            await _store.UpsertTrialsAsync([record]);
            await Scheduler.OfferAsync(Work([TaskOf(record)], resync: false));
            return;
        }

        if (_ledger.Get(1) is { } trial && StudyLedger.IsFinished(trial.Status))
        {
            await (trial.Status == TrialStatus.Completed
                ? FinishAsync(StudyStatus.Completed, null)
                : FinishAsync(StudyStatus.Failed, $"the {job} job failed: {trial.Error}"));
        }
    }

    /// <summary>
    /// An environment-design study (PAIRED and its baselines) is a sequence of rounds, each one trial: the next is offered
    /// when the last has finished (its agents start from the last round's updates), until <c>budget.max_trials</c> rounds.
    /// A round re-offered after its trainer died repeats from the agents' stored state.
    /// </summary>
    private async Task PumpRoundsAsync(string job)
    {
        if (_ledger!.BudgetSpent)
        {
            await (_ledger.Completed == 0
                ? FinishAsync(StudyStatus.Failed, $"every round failed; last error: {_ledger.LastError}")
                : FinishAsync(StudyStatus.Completed, null));
            return;
        }

        if (_ledger.InFlight > 0 || _ledger.Waiting > 0 || _ledger.Capacity == 0)
        {
            return;
        }

        var round = _ledger.NextTrialId;
        var key = LargestArchitecture.Find(_space!, a => 0).Key;
        var record = _ledger.AddProposal(round, key, string.Create(CultureInfo.InvariantCulture, $"{job}:{round}"), string.Create(CultureInfo.InvariantCulture, $"round {round} ({_spec!.Algorithm.Name})"), _time.GetUtcNow());
        await _store.UpsertTrialsAsync([record]);
        await Scheduler.OfferAsync(Work([TaskOf(record)], resync: false));
    }

    private StudyWork Work(List<TrialTask> tasks, bool resync) =>
        new(StudyId, _state.State.SpecHash, _state.State.SpecJson ?? "", tasks, resync, _spec?.Trainer.Kind == ExternalTrainer.KindName);

    private async Task SaveSummaryAsync()
    {
        var summary = BuildSummary();
        _summarySavedAt = _time.GetUtcNow();
        await _store.UpsertStudyAsync(summary);
        await _observers.Notify(o => o.OnProgress(summary));
    }

    private StudySummary BuildSummary() => StudySummaryFactory.Create(StudyId, _state.State, _spec, _ledger, _time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {StudyId} submitted: {Algorithm}, {MaxTrials} trials")]
    private static partial void LogSubmitted(ILogger logger, string studyId, string algorithm, int maxTrials);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {StudyId} stops trial {TrialId} early at step {Step}")]
    private static partial void LogStoppedEarly(ILogger logger, string studyId, long trialId, int step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {StudyId} ended: {Status} {Message}")]
    private static partial void LogFinished(ILogger logger, string studyId, StudyStatus status, string message);
}
