using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Population;

/// <summary>
/// The strategy of a population method for one study. Proposals are remembered per trial id until
/// observed, and observations are counted per trial id, so the study may repeat either call after a crash.
/// </summary>
public sealed class PopulationGrain : Grain, IPopulationGrain
{
    private readonly IPersistentState<PopulationState> _state;
    private readonly TrainerCatalog _trainers;
    private ISearchStrategy? _strategy;

    /// <summary>Creates the grain.</summary>
    public PopulationGrain([PersistentState("population", StorageNames.Grains)] IPersistentState<PopulationState> state, TrainerCatalog trainers)
    {
        _state = state;
        _trainers = trainers;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.State.SpecJson is { } json)
        {
            _strategy = CreateStrategy(json);
            if (_state.State.StrategyState is { } saved)
            {
                _strategy.RestoreState(saved);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(string specJson)
    {
        if (_state.State.SpecJson == specJson)
        {
            return;
        }

        _strategy = CreateStrategy(specJson);
        _state.State = new PopulationState { SpecJson = specJson, StrategyState = _strategy.SaveState() };
        await _state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Proposal>> ProposeAsync(long firstTrialId, int count)
    {
        var strategy = _strategy ?? throw new InvalidOperationException($"The strategy of study '{this.GetPrimaryKeyString()}' was not initialized.");
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

    /// <inheritdoc />
    public async Task ObserveAsync(IReadOnlyList<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var strategy = _strategy ?? throw new InvalidOperationException($"The strategy of study '{this.GetPrimaryKeyString()}' was not initialized.");
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

    /// <inheritdoc />
    public Task<int> GetObservedCountAsync() => Task.FromResult(_state.State.Observed.Count);

    /// <inheritdoc />
    public async Task ClearAsync()
    {
        await _state.ClearStateAsync();
        _state.State = new PopulationState();
        _strategy = null;
        DeactivateOnIdle();
    }

    private ISearchStrategy CreateStrategy(string specJson)
    {
        var spec = StudySpecParser.ParseJson(specJson, _trainers);
        return StrategyCatalog.Create(spec.Algorithm.Name, SpaceCatalog.Create(spec.Space), spec.Algorithm.Parameters, spec.Algorithm.Seed);
    }
}
