using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// One learning agent of an environment-design study (<see cref="PairedRoles"/>): it owns the agent's persisted
/// parameters and optimizer state (an opaque package the trainer's PPO code writes) and counts its updates. Rollouts
/// and PPO run on trainer silos; each round's trainer reads the agent's state, and hands back the updated state with
/// the rollout's statistics. An update is applied at most once per round and only to the state it was computed from,
/// so a round repeated after a lost trainer, or a zombie trainer's late update, never applies twice.
/// </summary>
[Alias("nas.IPairedAgentGrain")]
public interface IPairedAgentGrain : IGrainWithStringKey
{
    /// <summary>
    /// The state round <paramref name="round"/> starts from: the current one, or, when that round's update was already
    /// applied (a repeated round), the state before it, with <see cref="PairedAgentSnapshot.Applied"/> set.
    /// </summary>
    [Alias("GetForRound")]
    Task<PairedAgentSnapshot> GetForRoundAsync(long round, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="update"/> if it is the first for its round and was computed from the current state; says which.</summary>
    [Alias("Apply")]
    Task<PairedUpdateResult> ApplyAsync(PairedAgentUpdate update, CancellationToken cancellationToken = default);

    /// <summary>The agent's counts and last statistics (no parameters).</summary>
    [Alias("GetInfo")]
    Task<PairedAgentInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets everything (the study was deleted).</summary>
    [Alias("Clear")]
    Task ClearAsync(CancellationToken cancellationToken = default);
}
