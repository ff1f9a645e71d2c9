using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// What a study asks of the grain holding its strategy (a population grain or a controller grain). The strategy's
/// state persists; proposals are idempotent per trial id and observations per trial id, so a study that crashed
/// between two calls can repeat them safely.
/// </summary>
[Alias("nas.IStrategyGrain")]
public interface IStrategyGrain : IGrainWithStringKey
{
    /// <summary>Sets the strategy from the canonical spec (idempotent for the same spec).</summary>
    [Alias("Initialize")]
    Task InitializeAsync(string specJson, CancellationToken cancellationToken = default);

    /// <summary>Proposals for trial ids <paramref name="firstTrialId"/> onwards; ids proposed before are answered as before.</summary>
    [Alias("Propose")]
    Task<IReadOnlyList<Proposal>> ProposeAsync(long firstTrialId, int count, CancellationToken cancellationToken = default);

    /// <summary>Tells the strategy results; trial ids it has seen are ignored.</summary>
    [Alias("Observe")]
    Task ObserveAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default);

    /// <summary>How many distinct trials the strategy has observed.</summary>
    [Alias("GetObservedCount")]
    Task<int> GetObservedCountAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets everything (the study was deleted).</summary>
    [Alias("Clear")]
    Task ClearAsync(CancellationToken cancellationToken = default);
}
