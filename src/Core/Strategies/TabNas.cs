using System.Text.Json;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// TabNAS (Yang et al. 2022): a REINFORCE controller with rejection sampling under a resource constraint. A sampled
/// architecture whose cost (from the study's cost function, known before training) exceeds the limit is discarded
/// without training and without learning from it, and the policy is sampled again. The update for a feasible sample
/// a follows the gradient of log(π(a) / P(feasible)), the log-probability of a under the policy restricted to the
/// feasible set: −A·(∇log π(a) − ∇log P̂), where P̂ and its gradient are Monte-Carlo estimates from
/// <c>feasibility_samples</c> fresh samples of the current policy (∇P̂ / P̂ is the mean of ∇log π over the feasible
/// ones).
/// </summary>
/// <remarks>
/// Without a cost function or a limit in its <see cref="StrategyContext"/> every architecture is feasible and this is
/// <see cref="Reinforce"/>. When <c>max_rejections</c> samples in a row are infeasible, the cheapest of them is
/// proposed (the study then sees an infeasible trial). Stale samples use the current policy, as in REINFORCE.
/// </remarks>
public sealed class TabNas : IPolicyStrategy
{
    /// <summary>The algorithm's name in specs.</summary>
    public const string Name = "tabnas";

    private readonly PolicyLearner _learner;
    private readonly TabNasOptions _tab;
    private readonly Func<Architecture, double>? _cost;
    private readonly double _limit;

    /// <summary>Creates the controller with the study's cost function and limit from <paramref name="context"/>.</summary>
    public TabNas(SearchSpace space, PolicyGradientOptions options, TabNasOptions tab, ulong seed, StrategyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(tab);
        _tab = tab;
        _cost = context?.Cost;
        _limit = context?.CostLimit ?? double.PositiveInfinity;
        _learner = new PolicyLearner(space, options, seed, _cost);
    }

    /// <summary>The catalog entry.</summary>
    public static AlgorithmDescriptor Descriptor { get; } = new(
        Name,
        "TabNAS: REINFORCE with rejection sampling under the study's cost limit and the Monte-Carlo correction of the policy gradient (Yang et al., 2022).",
        [.. PolicyGradientOptions.Parameters("0.01"), .. TabNasOptions.Parameters],
        (space, p, seed) => Create(space, p, seed, StrategyContext.Empty))
    {
        LearnsPolicy = true,
    };

    /// <inheritdoc />
    public string Algorithm => Name;

    /// <inheritdoc />
    public IPolicyModel Model => _learner.Model;

    /// <inheritdoc />
    public int PolicyUpdates => _learner.Updates;

    /// <inheritdoc />
    public double Baseline => _learner.Baseline.Value;

    /// <summary>Samples discarded as infeasible so far (not saved: a statistic of this instance).</summary>
    public long Rejected { get; private set; }

    /// <summary>Creates the controller from catalog parameters and a context.</summary>
    public static TabNas Create(SearchSpace space, ResolvedParameters p, ulong seed, StrategyContext context) =>
        new(space, PolicyGradientOptions.From(p), TabNasOptions.From(p), seed, context);

    /// <inheritdoc />
    public Architecture Propose()
    {
        Architecture? cheapest = null;
        var cheapestCost = double.PositiveInfinity;
        for (var attempt = 0; attempt < _tab.MaxRejections; attempt++)
        {
            var sample = _learner.Sample();
            var cost = Cost(sample);
            if (cost <= _limit)
            {
                _learner.Record(sample);
                return sample;
            }

            Rejected++;
            if (cheapest is null || cost < cheapestCost)
            {
                (cheapest, cheapestCost) = (sample, cost);
            }
        }

        _learner.Record(cheapest!);
        return cheapest!;
    }

    /// <inheritdoc />
    public void Observe(Architecture architecture, double? score)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        _ = _learner.TakeProposalLogProb(architecture);
        if (score is not { } s || !double.IsFinite(s))
        {
            return;
        }

        var advantage = _learner.Advantage(architecture, s);
        var terms = new List<PolicyTerm> { new(architecture, advantage) };
        if (!double.IsPositiveInfinity(_limit))
        {
            // −A·(−∇log P̂(feasible)) = +A · mean over feasible samples of ∇log π.
            var feasible = new List<Architecture>();
            for (var i = 0; i < _tab.FeasibilitySamples; i++)
            {
                var sample = _learner.Sample();
                if (Cost(sample) <= _limit)
                {
                    feasible.Add(sample);
                }
            }

            terms.AddRange(feasible.Select(sample => new PolicyTerm(sample, -advantage / feasible.Count)));
        }

        _learner.Step(terms);
    }

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(_learner.Save());

    /// <inheritdoc />
    public void RestoreState(string state) =>
        _learner.Restore(JsonSerializer.Deserialize<PolicyLearnerState>(state) ?? throw new ArgumentException("Empty TabNAS state.", nameof(state)));

    private double Cost(Architecture architecture) => _cost is null ? 0 : _cost(architecture);
}
