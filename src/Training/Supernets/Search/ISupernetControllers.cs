using NasOrleans.Core.Spaces;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// The controllers a supernet search asks for paths and tells rewards: one per domain (in the cluster, the
/// controller grains <c>study/domain</c>). Only paths and rewards cross this boundary, never weights.
/// </summary>
public interface ISupernetControllers
{
    /// <summary>
    /// Paths of <paramref name="domain"/> for steps <paramref name="firstStep"/> .. <paramref name="firstStep"/> +
    /// <paramref name="count"/> - 1; asking again for a step gives the path given before (a job resumed from a
    /// checkpoint replays the same paths).
    /// </summary>
    Task<IReadOnlyList<Architecture>> SampleAsync(int domain, long firstStep, int count, CancellationToken cancellationToken);

    /// <summary>Rewards of <paramref name="domain"/>'s paths by step; a step rewarded before is ignored (not applied twice).</summary>
    Task RewardAsync(int domain, IReadOnlyList<StepReward> rewards, CancellationToken cancellationToken);

    /// <summary>The policy of <paramref name="domain"/>'s controller as it stands: its argmax path, entropy and updates.</summary>
    Task<SupernetPolicy> PolicyAsync(int domain, CancellationToken cancellationToken);
}
