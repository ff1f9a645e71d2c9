using Microsoft.Extensions.Logging;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage;

namespace NasOrleans.Grains.Strategies;

/// <summary>
/// What the population and controller grains share: the strategy of one study, created from its spec with the
/// study's cost (<see cref="StudyCost"/>). The grain state holds only the spec; every proposal and observation is
/// appended to the strategy's journal (<see cref="IStrategyJournal"/>) as one small event, and the whole state is
/// snapshotted geometrically (when the events since the last snapshot outnumber those it covers, at least
/// <see cref="SnapshotFloor"/>), so a call writes O(1) bytes amortized however long the study. Activation restores the
/// latest snapshot and replays the journal after it. Proposals are remembered per trial id until observed and
/// observations counted per trial id, so the study may repeat either call after a crash. Grain calls are not
/// interleaved, so observations from many trainers are applied one at a time in arrival order.
/// </summary>
/// <typeparam name="TState">The grain's persisted state.</typeparam>
public abstract class StrategyGrain<TState> : Grain
    where TState : StrategyGrainState, new()
{
    /// <summary>The fewest events between two snapshots.</summary>
    public const int SnapshotFloor = 64;

    private readonly IPersistentState<TState> _state;
    private readonly IStrategyJournal _journal;
    private readonly TrainerCatalog _trainers;
    private readonly TrainerEnvironment _environment;
    private readonly ILogger _logger;
    private JournaledStrategy? _run;
    private bool _loaded;
    private long _snapshotSequence;

    /// <summary>Creates the grain.</summary>
    protected StrategyGrain(IPersistentState<TState> state, IStrategyJournal journal, TrainerCatalog trainers, TrainerEnvironment environment, ILogger logger)
    {
        _state = state;
        _journal = journal;
        _trainers = trainers;
        _environment = environment;
        _logger = logger;
    }

    /// <summary>The strategy (null before initialization).</summary>
    protected ISearchStrategy? Strategy => _run?.Strategy;

    /// <summary>How many distinct trials the strategy has observed.</summary>
    protected int ObservedCount => _run?.ObservedCount ?? 0;

    /// <summary>The persisted state.</summary>
    protected TState State => _state.State;

    /// <summary>The study and the name within it under which this grain's journal is kept.</summary>
    protected abstract (string StudyId, string Strategy) JournalKey { get; }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Sets the strategy from the canonical spec (idempotent for the same spec; another spec starts over).</summary>
    public async Task InitializeAsync(string specJson, CancellationToken cancellationToken = default)
    {
        if (_state.State.SpecJson == specJson)
        {
            return;
        }

        var (studyId, name) = JournalKey;
        await _journal.DeleteStrategyJournalAsync(studyId, name, cancellationToken);
        var run = new JournaledStrategy(CreateStrategy(specJson));
        _state.State = new TState { SpecJson = specJson };
        await _state.WriteStateAsync(cancellationToken);
        (_run, _loaded, _snapshotSequence) = (run, true, 0);
    }

    /// <summary>Proposals for trial ids <paramref name="firstTrialId"/> onwards; ids proposed before are answered as before.</summary>
    public async Task<IReadOnlyList<Proposal>> ProposeAsync(long firstTrialId, int count, CancellationToken cancellationToken = default)
    {
        var run = await RequireRunAsync();
        var events = new List<StrategyJournalEvent>();
        // Proposing and observing can be slow (predictor fits, TabNAS's feasibility rollouts): they run on the thread
        // pool, off the silo's scheduler; the grain is not reentrant, so nothing else touches the strategy meanwhile.
        var proposals = await Task.Run(() => run.Propose(firstTrialId, count, events), cancellationToken);
        await PersistAsync(run, events, cancellationToken);
        return proposals;
    }

    /// <summary>Tells the strategy results; trial ids it has seen are ignored.</summary>
    public async Task ObserveAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var run = await RequireRunAsync();
        var events = new List<StrategyJournalEvent>();
        await Task.Run(() => run.Observe(observations, events), cancellationToken);
        await PersistAsync(run, events, cancellationToken);
    }

    /// <summary>How many distinct trials the strategy has observed.</summary>
    public async Task<int> GetObservedCountAsync(CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync();
        return ObservedCount;
    }

    /// <summary>Forgets everything (the study was deleted): the journal, its snapshot and the grain state.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        var (studyId, name) = JournalKey;
        await _journal.DeleteStrategyJournalAsync(studyId, name, cancellationToken);
        await _state.ClearStateAsync(cancellationToken);
        _state.State = new TState();
        (_run, _loaded, _snapshotSequence) = (null, true, 0);
        DeactivateOnIdle();
    }

    /// <summary>The strategy; throws when the grain was not initialized.</summary>
    protected async Task<ISearchStrategy> RequireStrategyAsync() => (await RequireRunAsync()).Strategy;

    private async Task<JournaledStrategy> RequireRunAsync()
    {
        await EnsureLoadedAsync();
        return _run ?? throw new InvalidOperationException($"The strategy of '{this.GetPrimaryKeyString()}' was not initialized.");
    }

    private Task EnsureLoadedAsync() => _loaded ? Task.CompletedTask : LoadAsync(CancellationToken.None);

    // The journal is the truth: an event is applied in memory, then appended; when the append fails the activation
    // forgets its state and reloads it from the journal on the next call, so it never answers from a state the journal lacks
    // (a cancelled append included).
    private async Task PersistAsync(JournaledStrategy run, List<StrategyJournalEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var (studyId, name) = JournalKey;
        try
        {
            await _journal.AppendStrategyEventsAsync(studyId, name, events, cancellationToken);
        }
        catch (Exception e)
        {
            _logger.AppendFailed(e, this.GetPrimaryKeyString(), events.Count);
            (_run, _loaded) = (null, false);
            throw;
        }

        if (run.Sequence - _snapshotSequence >= Math.Max(SnapshotFloor, _snapshotSequence))
        {
            await SaveSnapshotAsync(run);
        }
    }

    private async Task SaveSnapshotAsync(JournaledStrategy run)
    {
        var (studyId, name) = JournalKey;
        try
        {
            await _journal.SaveStrategySnapshotAsync(studyId, name, run.SaveSnapshot());
            _snapshotSequence = run.Sequence;
        }
        catch (Exception e)
        {
            // Not fatal: the journal has every event; the next call tries again.
            _logger.SnapshotFailed(e, this.GetPrimaryKeyString(), run.Sequence);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (_run, _loaded, _snapshotSequence) = (null, false, 0);
        if (_state.State.SpecJson is not { } json)
        {
            _loaded = true;
            return;
        }

        var (studyId, name) = JournalKey;
        var strategy = CreateStrategy(json);
        var snapshot = await _journal.GetStrategySnapshotAsync(studyId, name, cancellationToken);
        JournaledStrategy run;
        if (snapshot is not null)
        {
            run = JournaledStrategy.Restore(strategy, snapshot);
        }
        else if (_state.State.StrategyState is not null)
        {
            run = await MigrateLegacyAsync(strategy, cancellationToken);
        }
        else
        {
            run = new JournaledStrategy(strategy);
        }

        var from = run.Sequence;
        var tail = await _journal.GetStrategyEventsAsync(studyId, name, from, cancellationToken);
        foreach (var e in tail)
        {
            if (run.Replay(e) is { } replayed)
            {
                _logger.ReplayedProposalDiffers(this.GetPrimaryKeyString(), e.Sequence, e.TrialId, e.ArchitectureKey, replayed);
            }
        }

        _logger.JournalReplayed(this.GetPrimaryKeyString(), from, tail.Count);
        (_run, _loaded, _snapshotSequence) = (run, true, from);
    }

    // A state written whole by an earlier build: its snapshot goes into the journal first, then the grain state keeps only the spec.
    private async Task<JournaledStrategy> MigrateLegacyAsync(ISearchStrategy strategy, CancellationToken cancellationToken)
    {
        var (studyId, name) = JournalKey;
        var run = JournaledStrategy.FromLegacy(strategy, _state.State);
        await _journal.SaveStrategySnapshotAsync(studyId, name, run.SaveSnapshot(), cancellationToken);
        _state.State = new TState { SpecJson = _state.State.SpecJson };
        await _state.WriteStateAsync(cancellationToken);
        _logger.LegacyStateMigrated(this.GetPrimaryKeyString());
        return run;
    }

    /// <summary>The seed of this grain's strategy from the study's (a controller of another domain than the default mixes its domain in).</summary>
    protected virtual ulong SeedOf(ulong studySeed) => studySeed;

    private ISearchStrategy CreateStrategy(string specJson)
    {
        var spec = StudySpecParser.ParseJson(specJson, _trainers);
        var space = SpaceCatalog.Create(spec.Space);
        var context = StudyCost.CreateContext(spec, _trainers, space, _environment);
        return StrategyCatalog.Create(spec.Algorithm.Name, space, spec.Algorithm.Parameters, SeedOf(spec.Algorithm.Seed), context);
    }
}
