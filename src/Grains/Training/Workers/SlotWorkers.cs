using System.Collections.Concurrent;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Training.Workers;

/// <summary>
/// The worker processes of a silo's slots when slots are isolated (<c>Nas:Silo:SlotIsolation=Process</c>): one per
/// slot, so that each slot has libtorch's process-wide generator and thread pool to itself, and a native crash costs
/// one trial instead of the silo. One instance per silo (DI singleton); disposing it kills the workers.
/// </summary>
public sealed class SlotWorkers : IDisposable
{
    private readonly ConcurrentDictionary<string, SlotWorkerClient> _clients = new(StringComparer.Ordinal);
    private readonly Func<SlotInfo, SlotWorkerConnection> _start;

    /// <summary>Workers started from <paramref name="command"/>.</summary>
    public SlotWorkers(SlotWorkerCommand command)
        : this(_ => SlotWorkerProcess.Start(command))
    {
    }

    /// <summary>Workers started by <paramref name="start"/> (tests: in-memory workers).</summary>
    public SlotWorkers(Func<SlotInfo, SlotWorkerConnection> start) => _start = start;

    /// <summary>The worker process of <paramref name="slotId"/>, or 0 when none runs.</summary>
    public int ProcessIdOf(string slotId) => _clients.TryGetValue(slotId, out var client) ? client.ProcessId : 0;

    /// <summary>Trains <paramref name="lease"/>'s trial in <paramref name="slot"/>'s worker.</summary>
    public Task<TrialOutcome> TrainAsync(SlotInfo slot, TrialLease lease, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(lease);
        var client = _clients.GetOrAdd(slot.SlotId, _ => new SlotWorkerClient(() => _start(slot)));
        var task = lease.Task;
        return client.TrainAsync(new SlotWorkerMessage
        {
            Kind = SlotWorkerMessageKinds.Train,
            StudyId = task.StudyId,
            TrialId = task.TrialId,
            SpecHash = task.SpecHash,
            Spec = lease.SpecJson,
            Architecture = task.ArchitectureKey,
            Device = slot.Device,
            Threads = slot.Threads,
        }, progress, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
    }
}
