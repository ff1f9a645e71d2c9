using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Scheduling;

/// <summary>A slot a <see cref="LeaseBook"/> heard from: when last, and the leases it holds.</summary>
internal sealed class SlotRecord(SlotInfo slot, DateTimeOffset lastSeen)
{
    public SlotInfo Slot { get; set; } = slot;

    public DateTimeOffset LastSeen { get; set; } = lastSeen;

    public HashSet<Guid> Leases { get; } = [];
}
