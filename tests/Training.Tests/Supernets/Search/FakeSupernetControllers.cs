using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Training.Tests.Supernets.Search;

/// <summary>
/// The controllers as the controller grains will be: a real <see cref="TunasController"/> per domain; the fake only maps
/// steps to sample ids, keeps the paths it gave (asking again replays them) and applies each step's reward as one update.
/// </summary>
internal sealed class FakeSupernetControllers
{
    private readonly long _totalSteps;
    private readonly Dictionary<long, TunasSample>[] _given;

    public FakeSupernetControllers(SearchSpace space, int domains, long totalSteps, ulong seed = 7)
    {
        _totalSteps = totalSteps;
        Controllers = [.. Enumerable.Range(0, domains).Select(d => new TunasController(space, new TunasOptions { LearningRate = 0.05 }, seed + (ulong)d))];
        _given = [.. Enumerable.Range(0, domains).Select(_ => new Dictionary<long, TunasSample>())];
    }

    public TunasController[] Controllers { get; }

    /// <summary>Every RewardAsync call: domain, steps.</summary>
    public List<(int Domain, long[] Steps)> RewardCalls { get; } = [];

    /// <summary>Every reward received: domain, reward.</summary>
    public List<(int Domain, StepReward Reward)> Rewards { get; } = [];

    /// <summary>Every SampleAsync call: domain, first step, count.</summary>
    public List<(int Domain, long FirstStep, int Count)> SampleCalls { get; } = [];

    /// <summary>The distinct steps rewarded per domain.</summary>
    public IEnumerable<long> RewardedSteps(int domain) => RewardCalls.Where(c => c.Domain == domain).SelectMany(c => c.Steps).Distinct();

    /// <summary>The path given to <paramref name="domain"/> for <paramref name="step"/>.</summary>
    public Architecture Given(int domain, long step) => _given[domain][step].Architecture;

    /// <summary>A view of the fake for one job (a fresh object per job, over the same controllers).</summary>
    public ISupernetControllers View() => new ViewOf(this);

    private sealed class ViewOf(FakeSupernetControllers owner) : ISupernetControllers
    {
        public Task<IReadOnlyList<Architecture>> SampleAsync(int domain, long firstStep, int count, CancellationToken cancellationToken)
        {
            owner.SampleCalls.Add((domain, firstStep, count));
            var given = owner._given[domain];
            var paths = new List<Architecture>(count);
            for (var step = firstStep; step < firstStep + count; step++)
            {
                if (!given.TryGetValue(step, out var sample))
                {
                    sample = owner.Controllers[domain].Sample(1)[0];
                    given[step] = sample;
                }

                paths.Add(sample.Architecture);
            }

            return Task.FromResult<IReadOnlyList<Architecture>>(paths);
        }

        public Task RewardAsync(int domain, IReadOnlyList<StepReward> rewards, CancellationToken cancellationToken)
        {
            owner.RewardCalls.Add((domain, [.. rewards.Select(r => r.Step)]));
            owner.Rewards.AddRange(rewards.Select(r => (domain, r)));
            foreach (var reward in rewards.OrderBy(r => r.Step))
            {
                var sample = owner._given[domain][reward.Step];
                owner.Controllers[domain].Update([new TunasReward(sample.Id, reward.Reward)], reward.Step, owner._totalSteps);
            }

            return Task.CompletedTask;
        }

        public Task<SupernetPolicy> PolicyAsync(int domain, CancellationToken cancellationToken)
        {
            var controller = owner.Controllers[domain];
            return Task.FromResult(new SupernetPolicy(controller.Argmax(), controller.Entropy, controller.Updates));
        }
    }
}
