namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A trainer slot as the scheduler sees it: its id (unique in the cluster), its silo and its device.</summary>
/// <param name="SlotId">The slot's id, <c>silo/slotN</c> (the silo as <c>SiloAddress.ToString()</c>, unique per silo start).</param>
/// <param name="Silo">The parsable address of the slot's silo, so that its leases are re-queued when the silo dies.</param>
/// <param name="Device">The slot's device: <c>cpu</c> or <c>cuda:N</c>.</param>
/// <param name="Threads">The slot's CPU thread budget (0: not set).</param>
[GenerateSerializer, Immutable]
[Alias("nas.SlotInfo")]
public sealed record SlotInfo(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string Silo,
    [property: Id(2)] string Device,
    [property: Id(3)] int Threads = 0);
