using System.Collections.Concurrent;

namespace NasOrleans.Grains.Training;

/// <summary>
/// Every trainer slot loop running in this process, whoever started it. The slot host compares it with the loops it
/// owns: a loop here that the host does not own is an orphan (it trains invisibly and no drain would stop it).
/// One per silo (DI singleton).
/// </summary>
public sealed class SlotLoopRegistry
{
    private readonly ConcurrentDictionary<TrainerSlot, byte> _running = new();

    /// <summary>The loops running now.</summary>
    public IReadOnlyCollection<TrainerSlot> Running => [.. _running.Keys];

    internal void Add(TrainerSlot slot) => _running.TryAdd(slot, 0);

    internal void Remove(TrainerSlot slot) => _running.TryRemove(slot, out _);
}
