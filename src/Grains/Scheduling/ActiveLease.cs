using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Scheduling;

/// <summary>A lease outstanding in a <see cref="LeaseBook"/>: the lease, the slot holding it, when it expires, and when it was granted.</summary>
internal sealed record ActiveLease(TrialLease Lease, SlotInfo Slot, DateTimeOffset ExpiresAt, DateTimeOffset GrantedAt);
