using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// Ask/tell for workers outside the cluster (Vizier-style), for studies whose spec says <c>trainer: { kind: external }</c>.
/// A stateless worker (key 0): the leases live in the study's scheduler shard, where the lease rules of the trainer
/// slots apply (a completion is accepted only from the trial's current lease and only once; a lease that stops beating
/// expires and its trial is queued again). The gateway service is its caller.
/// </summary>
[Alias("nas.IAskTellGrain")]
public interface IAskTellGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Leases up to <paramref name="count"/> trials of the study to <paramref name="clientId"/>. The client's unfinished
    /// trials come first (re-delivered with a fresh expiry), then new ones.
    /// </summary>
    [Alias("Suggest")]
    Task<SuggestReply> SuggestAsync(string studyId, string clientId, int count, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease; <see cref="HeartbeatReply.LeaseLost"/> when it is not the trial's current lease.</summary>
    [Alias("Heartbeat")]
    Task<HeartbeatReply> HeartbeatAsync(string studyId, long trialId, Guid leaseId, CancellationToken cancellationToken = default);

    /// <summary>Records a learning-curve point; true when the study's early stopping stops the trial.</summary>
    [Alias("ReportIntermediate")]
    Task<bool> ReportIntermediateAsync(string studyId, long trialId, Guid leaseId, int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken = default);

    /// <summary>Records the trial's result (<paramref name="failure"/> null) or its failure.</summary>
    [Alias("Complete")]
    Task<TellReply> CompleteAsync(string studyId, long trialId, Guid leaseId, IReadOnlyDictionary<string, double> metrics, string? failure, CancellationToken cancellationToken = default);
}
