using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Strategies;

/// <summary>
/// What the population and controller grains share: the strategy of one study, created from its spec with the
/// study's cost (<see cref="StudyCost"/>), restored from its snapshot on activation, saved after every change.
/// Proposals are remembered per trial id until observed and observations counted per trial id, so the study may
/// repeat either call after a crash. Grain calls are not interleaved, so observations from many trainers are applied
/// one at a time in arrival order.
/// </summary>
/// <typeparam name="TState">The grain's persisted state.</typeparam>
public abstract class StrategyGrain<TState> : Grain
    where TState : StrategyGrainState, new()
{
    private readonly IPersistentState<TState> _state;
    private readonly TrainerCatalog _trainers;
    private readonly TrainerEnvironment _environment;

    /// <summary>Creates the grain.</summary>
    protected StrategyGrain(IPersistentState<TState> state, TrainerCatalog trainers, TrainerEnvironment environment)
    {
        _state = state;
        _trainers = trainers;
        _environment = environment;
    }

    /// <summary>The strategy (null before initialization).</summary>
    protected ISearchStrategy? Strategy { get; private set; }

    /// <summary>The persisted state.</summary>
    protected TState State => _state.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.State.SpecJson is { } json)
        {
            Strategy = CreateStrategy(json);
            if (_state.State.StrategyState is { } saved)
            {
                Strategy.RestoreState(saved);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Sets the strategy from the canonical spec (idempotent for the same spec).</summary>
    public async Task InitializeAsync(string specJson)
    {
        if (_state.State.SpecJson == specJson)
        {
            return;
        }

        Strategy = CreateStrategy(specJson);
        _state.State = new TState { SpecJson = specJson, StrategyState = Strategy.SaveState() };
        await _state.WriteStateAsync();
    }

    /// <summary>Proposals for trial ids <paramref name="firstTrialId"/> onwards; ids proposed before are answered as before.</summary>
    public async Task<IReadOnlyList<Proposal>> ProposeAsync(long firstTrialId, int count)
    {
        var strategy = RequireStrategy();
        var state = _state.State;
        var proposals = new List<Proposal>(count);
        var changed = false;
        for (var id = firstTrialId; id < firstTrialId + count; id++)
        {
            if (state.Pending.TryGetValue(id, out var earlier))
            {
                proposals.Add(new Proposal(id, earlier));
            }
            else if (id >= state.NextTrialId)
            {
                var key = strategy.Propose().Key;
                state.Pending[id] = key;
                state.NextTrialId = id + 1;
                proposals.Add(new Proposal(id, key));
                changed = true;
            }
        }

        if (changed)
        {
            state.StrategyState = strategy.SaveState();
            await _state.WriteStateAsync();
        }

        return proposals;
    }

    /// <summary>Tells the strategy results; trial ids it has seen are ignored.</summary>
    public async Task ObserveAsync(IReadOnlyList<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var strategy = RequireStrategy();
        var changed = false;
        foreach (var o in observations)
        {
            if (_state.State.Observed.Add(o.TrialId))
            {
                strategy.Observe(Architecture.FromKey(o.ArchitectureKey), o.Score);
                _state.State.Pending.Remove(o.TrialId);
                changed = true;
            }
        }

        if (changed)
        {
            _state.State.StrategyState = strategy.SaveState();
            await _state.WriteStateAsync();
        }
    }

    /// <summary>How many distinct trials the strategy has observed.</summary>
    public Task<int> GetObservedCountAsync() => Task.FromResult(_state.State.Observed.Count);

    /// <summary>Forgets everything (the study was deleted).</summary>
    public async Task ClearAsync()
    {
        await _state.ClearStateAsync();
        _state.State = new TState();
        Strategy = null;
        DeactivateOnIdle();
    }

    /// <summary>The strategy; throws when the grain was not initialized.</summary>
    protected ISearchStrategy RequireStrategy() =>
        Strategy ?? throw new InvalidOperationException($"The strategy of '{this.GetPrimaryKeyString()}' was not initialized.");

    private ISearchStrategy CreateStrategy(string specJson)
    {
        var spec = StudySpecParser.ParseJson(specJson, _trainers);
        var space = SpaceCatalog.Create(spec.Space);
        var context = StudyCost.CreateContext(spec, _trainers, space, _environment);
        return StrategyCatalog.Create(spec.Algorithm.Name, space, spec.Algorithm.Parameters, spec.Algorithm.Seed, context);
    }
}
