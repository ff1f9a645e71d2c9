using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// The controllers of a supernet search in this process (benchmarks and tools; the cluster's are grains): one
/// <see cref="TunasController"/> per domain; the path of a step is remembered, so asking again replays it, and a step
/// is rewarded at most once.
/// </summary>
public sealed class LocalSupernetControllers : ISupernetControllers
{
    private readonly long _totalSteps;
    private readonly Dictionary<long, TunasSample>[] _given;
    private readonly HashSet<long>[] _rewarded;

    /// <summary>One controller per domain over <paramref name="space"/>; domain d's generator is seeded with <paramref name="seed"/> + d.</summary>
    public LocalSupernetControllers(SearchSpace space, TunasOptions options, int domains, long totalSteps, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(domains, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        _totalSteps = totalSteps;
        Controllers = [.. Enumerable.Range(0, domains).Select(d => new TunasController(space, options, seed + (ulong)d))];
        _given = [.. Enumerable.Range(0, domains).Select(_ => new Dictionary<long, TunasSample>())];
        _rewarded = [.. Enumerable.Range(0, domains).Select(_ => new HashSet<long>())];
    }

    /// <summary>The controllers, by domain.</summary>
    public IReadOnlyList<TunasController> Controllers { get; }

    /// <inheritdoc />
    public Task<IReadOnlyList<Architecture>> SampleAsync(int domain, long firstStep, int count, CancellationToken cancellationToken)
    {
        var given = _given[domain];
        var paths = new List<Architecture>(count);
        for (var step = firstStep; step < firstStep + count; step++)
        {
            if (!given.TryGetValue(step, out var sample))
            {
                sample = Controllers[domain].Sample(1)[0];
                given[step] = sample;
            }

            paths.Add(sample.Architecture);
        }

        return Task.FromResult<IReadOnlyList<Architecture>>(paths);
    }

    /// <inheritdoc />
    public Task RewardAsync(int domain, IReadOnlyList<StepReward> rewards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        foreach (var reward in rewards.OrderBy(r => r.Step))
        {
            if (_rewarded[domain].Add(reward.Step) && _given[domain].Remove(reward.Step, out var sample))
            {
                Controllers[domain].Update([new TunasReward(sample.Id, reward.Reward)], reward.Step, _totalSteps);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SupernetPolicy> PolicyAsync(int domain, CancellationToken cancellationToken)
    {
        var controller = Controllers[domain];
        return Task.FromResult(new SupernetPolicy(controller.Argmax(), controller.Entropy, controller.Updates));
    }
}
