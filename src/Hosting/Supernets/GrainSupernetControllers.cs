using NasOrleans.Core.Spaces;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Hosting.Supernets;

/// <summary>
/// A supernet search's controllers as grains: domain i is <c>IControllerGrain(study/domain i)</c>, the path of step s
/// its proposal s + 1 (trial ids start at 1; remembered by id, observed or not, so a resumed search gets the same paths), a reward its observation of s (an id it
/// saw is ignored, so a resent reward is not applied twice). Only paths and rewards cross the call.
/// </summary>
public sealed class GrainSupernetControllers(IGrainFactory grains, string studyId, IReadOnlyList<string> domains) : ISupernetControllers
{
    private readonly Dictionary<(int Domain, long Step), string> _paths = [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<Architecture>> SampleAsync(int domain, long firstStep, int count, CancellationToken cancellationToken)
    {
        var proposals = await Controller(domain).ProposeAsync(firstStep + 1, count, cancellationToken).ConfigureAwait(false);
        var ordered = proposals.OrderBy(p => p.TrialId).ToList();
        foreach (var p in ordered)
        {
            _paths[(domain, p.TrialId - 1)] = p.ArchitectureKey;
        }

        return [.. ordered.Select(p => Architecture.FromKey(p.ArchitectureKey))];
    }

    /// <inheritdoc />
    public async Task RewardAsync(int domain, IReadOnlyList<StepReward> rewards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        var observations = new List<Observation>(rewards.Count);
        foreach (var reward in rewards)
        {
            // A rewarded step is not asked for again by this job: its path is dropped, so a long search keeps only open steps.
            if (!_paths.Remove((domain, reward.Step), out var key))
            {
                // A reward carried over a resume: the controller remembers the step's path by id.
                key = (await Controller(domain).ProposeAsync(reward.Step + 1, 1, cancellationToken).ConfigureAwait(false))[0].ArchitectureKey;
            }

            observations.Add(new Observation(reward.Step + 1, key, reward.Reward));
        }

        await Controller(domain).ObserveAsync(observations, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SupernetPolicy> PolicyAsync(int domain, CancellationToken cancellationToken)
    {
        var policy = await Controller(domain).GetPolicyAsync(cancellationToken).ConfigureAwait(false);
        var key = policy.ArgmaxKey ?? throw new InvalidOperationException($"The controller of domain '{domains[domain]}' ({policy.Algorithm}) gives no argmax path; supernet searches run tunas or mpnas controllers.");
        return new SupernetPolicy(Architecture.FromKey(key), policy.Entropy, policy.Updates);
    }

    private IControllerGrain Controller(int domain) => grains.GetGrain<IControllerGrain>(ControllerKey.Format(studyId, domains[domain]));
}
