namespace NasOrleans.Storage;

/// <summary>
/// The saved state of a strategy after the first <see cref="Sequence"/> events of its journal
/// (<see cref="IStrategyJournal"/>): restoring it and replaying the events after it gives the state the whole journal
/// gives. The store keeps the latest one per strategy.
/// </summary>
/// <param name="Sequence">The journal events the snapshot covers (0 for a state before any event).</param>
/// <param name="State">The state, opaque to the store.</param>
public sealed record StrategySnapshot(long Sequence, string State);
