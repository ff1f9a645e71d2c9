using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// One controller for every domain (the single-path multi-head baseline of MPNAS's comparison): each step all domains
/// take the same path, and the controller learns from the mean of the domains' rewards for that step.
/// </summary>
public sealed class SharedPathControllers : ISupernetControllers
{
    private readonly LocalSupernetControllers _inner;
    private readonly int _domains;
    private readonly Dictionary<long, List<double>> _rewards = [];

    /// <summary>One <see cref="TunasController"/> shared by <paramref name="domains"/> domains.</summary>
    public SharedPathControllers(SearchSpace space, TunasOptions options, int domains, long totalSteps, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(domains, 1);
        _inner = new LocalSupernetControllers(space, options, 1, totalSteps, seed);
        _domains = domains;
    }

    /// <summary>The shared controller.</summary>
    public TunasController Controller => _inner.Controllers[0];

    /// <inheritdoc />
    public Task<IReadOnlyList<Architecture>> SampleAsync(int domain, long firstStep, int count, CancellationToken cancellationToken) =>
        _inner.SampleAsync(0, firstStep, count, cancellationToken);

    /// <inheritdoc />
    public async Task RewardAsync(int domain, IReadOnlyList<StepReward> rewards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        var complete = new List<StepReward>();
        foreach (var reward in rewards)
        {
            if (!_rewards.TryGetValue(reward.Step, out var list))
            {
                _rewards[reward.Step] = list = [];
            }

            list.Add(reward.Reward);
            if (list.Count == _domains)
            {
                complete.Add(reward with { Reward = list.Average() });
                _rewards.Remove(reward.Step);
            }
        }

        if (complete.Count > 0)
        {
            await _inner.RewardAsync(0, complete, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<SupernetPolicy> PolicyAsync(int domain, CancellationToken cancellationToken) => _inner.PolicyAsync(0, cancellationToken);
}
