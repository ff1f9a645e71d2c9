namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A lease of a trial held by an ask/tell worker, as its scheduler shard keeps it.</summary>
/// <param name="Lease">The lease (its expiry renewed by the call that returned it).</param>
/// <param name="GrantedAt">When the lease was first granted: a spec's <c>budget.trial_timeout</c> counts from here.</param>
/// <param name="Redelivered">True when the worker held the lease already (it asked again under the same client id).</param>
/// <param name="Holder">The slot id of the worker holding the lease (<c>client:</c> and its client id).</param>
[GenerateSerializer, Immutable]
[Alias("nas.ExternalLease")]
public sealed record ExternalLease(
    [property: Id(0)] TrialLease Lease,
    [property: Id(1)] DateTimeOffset GrantedAt,
    [property: Id(2)] bool Redelivered,
    [property: Id(3)] string Holder = "");
