using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Scheduling;

/// <summary>A lease outstanding in a <see cref="LeaseBook"/>: the lease, the slot holding it, and when it expires.</summary>
internal sealed record ActiveLease(TrialLease Lease, SlotInfo Slot, DateTimeOffset ExpiresAt);
