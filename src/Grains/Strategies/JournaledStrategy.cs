using System.Text.Json;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage;

namespace NasOrleans.Grains.Strategies;

/// <summary>
/// A strategy with the bookkeeping that makes its calls idempotent (proposals per trial id until observed, observations
/// per trial id), kept as a journal: every change is one <see cref="StrategyJournalEvent"/>, and replaying the events in
/// order on the same fresh strategy, or on a restored snapshot, gives the same strategy and bookkeeping. No Orleans and
/// no storage here: the grain persists the events and snapshots this produces.
/// </summary>
internal sealed class JournaledStrategy
{
    private readonly Dictionary<long, string> _pending;
    private readonly TrialIdSet _observed;

    // Proposals of observed trials, for strategies that are asked for them again (IReplaysProposals); null for the others.
    private readonly Dictionary<long, string>? _kept;

    /// <summary>A strategy before any event.</summary>
    public JournaledStrategy(ISearchStrategy strategy)
        : this(strategy, 0, 1, [], new TrialIdSet(), null)
    {
    }

    private JournaledStrategy(ISearchStrategy strategy, long sequence, long nextTrialId, Dictionary<long, string> pending, TrialIdSet observed, Dictionary<long, string>? kept)
    {
        Strategy = strategy;
        Sequence = sequence;
        NextTrialId = nextTrialId;
        _pending = pending;
        _observed = observed;
        _kept = strategy is IReplaysProposals ? kept ?? [] : null;
    }

    /// <summary>The strategy.</summary>
    public ISearchStrategy Strategy { get; }

    /// <summary>The events applied so far (the sequence of the last one).</summary>
    public long Sequence { get; private set; }

    /// <summary>The first trial id not proposed yet.</summary>
    public long NextTrialId { get; private set; }

    /// <summary>How many distinct trials were observed.</summary>
    public int ObservedCount => _observed.Count;

    /// <summary>Proposed trials not observed yet.</summary>
    public IReadOnlyDictionary<long, string> Pending => _pending;

    /// <summary>Restores a state written by <see cref="SaveSnapshot"/> into <paramref name="fresh"/>, a strategy just created from the spec.</summary>
    public static JournaledStrategy Restore(ISearchStrategy fresh, StrategySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        ArgumentNullException.ThrowIfNull(snapshot);
        var payload = JsonSerializer.Deserialize<StrategySnapshotPayload>(snapshot.State)
            ?? throw new InvalidOperationException("An empty strategy snapshot.");
        fresh.RestoreState(payload.Strategy);
        var observed = new TrialIdSet { Bits = payload.ObservedBits, Count = payload.ObservedCount };
        return new JournaledStrategy(fresh, snapshot.Sequence, payload.NextTrialId, payload.Pending, observed, payload.Kept);
    }

    /// <summary>Takes over a state persisted whole by an earlier build (<see cref="StrategyGrainState"/>), at sequence 0.</summary>
    public static JournaledStrategy FromLegacy(ISearchStrategy fresh, StrategyGrainState legacy)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        ArgumentNullException.ThrowIfNull(legacy);
        if (legacy.StrategyState is { } saved)
        {
            fresh.RestoreState(saved);
        }

        return new JournaledStrategy(fresh, 0, legacy.NextTrialId, new(legacy.Pending), legacy.Observed, null);
    }

    /// <summary>The whole state (strategy and bookkeeping) after <see cref="Sequence"/> events.</summary>
    public StrategySnapshot SaveSnapshot() =>
        new(Sequence, JsonSerializer.Serialize(new StrategySnapshotPayload(Strategy.SaveState(), NextTrialId, _pending, _observed.Bits, _observed.Count, _kept)));

    /// <summary>
    /// Proposals for trial ids <paramref name="firstTrialId"/> onwards: pending ids answer as before, ids proposed and
    /// observed before are left out, new ids are proposed and added to <paramref name="events"/>.
    /// </summary>
    public IReadOnlyList<Proposal> Propose(long firstTrialId, int count, List<StrategyJournalEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var proposals = new List<Proposal>(Math.Max(0, count));
        for (var id = firstTrialId; id < firstTrialId + count; id++)
        {
            if (_pending.TryGetValue(id, out var earlier) || (_kept is not null && _kept.TryGetValue(id, out earlier)))
            {
                proposals.Add(new Proposal(id, earlier));
            }
            else if (id >= NextTrialId)
            {
                var e = Next(StrategyEventKind.Proposed, id, Strategy.Propose().Key, null);
                ApplyProposed(e);
                events.Add(e);
                proposals.Add(new Proposal(id, e.ArchitectureKey));
            }
        }

        return proposals;
    }

    /// <summary>Tells the strategy the results of trials it has not observed yet, adding one event each to <paramref name="events"/>.</summary>
    public void Observe(IReadOnlyList<Observation> observations, List<StrategyJournalEvent> events)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var o in observations)
        {
            if (!_observed.Contains(o.TrialId))
            {
                var e = Next(StrategyEventKind.Observed, o.TrialId, o.ArchitectureKey, o.Score);
                ApplyObserved(e);
                events.Add(e);
            }
        }
    }

    /// <summary>
    /// Applies a journaled event: an observation is told to the strategy again; a proposal asks the strategy again and
    /// keeps the journaled key, returning the key the strategy gave now when it differs (null when it is the same).
    /// </summary>
    /// <exception cref="InvalidOperationException">The event is not the next in sequence.</exception>
    public string? Replay(StrategyJournalEvent journaled)
    {
        ArgumentNullException.ThrowIfNull(journaled);
        if (journaled.Sequence != Sequence + 1)
        {
            throw new InvalidOperationException($"Strategy journal event {journaled.Sequence} follows event {Sequence}: the journal has a gap.");
        }

        Sequence = journaled.Sequence;
        if (journaled.Kind == StrategyEventKind.Observed)
        {
            ApplyObserved(journaled);
            return null;
        }

        var replayed = Strategy.Propose().Key;
        ApplyProposed(journaled);
        return replayed == journaled.ArchitectureKey ? null : replayed;
    }

    private StrategyJournalEvent Next(StrategyEventKind kind, long trialId, string key, double? score) =>
        new() { Sequence = ++Sequence, Kind = kind, TrialId = trialId, ArchitectureKey = key, Score = score };

    private void ApplyProposed(StrategyJournalEvent e)
    {
        _pending[e.TrialId] = e.ArchitectureKey;
        NextTrialId = Math.Max(NextTrialId, e.TrialId + 1);
    }

    private void ApplyObserved(StrategyJournalEvent e)
    {
        _observed.Add(e.TrialId);
        if (_pending.Remove(e.TrialId, out var key) && _kept is not null)
        {
            _kept[e.TrialId] = key;
        }

        Strategy.Observe(Architecture.FromKey(e.ArchitectureKey), e.Score);
    }
}
