using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Trainers;

/// <summary>
/// The cost a study's strategy sees before training, for constrained strategies (TabNAS, LayerNAS) and reward shaping:
/// the metric named by the algorithm's <c>cost_metric</c> parameter, else the first constraint with a max on a metric
/// the trainer computes before training; the limit is the smallest max of the constraints on that metric.
/// </summary>
public static class StudyCost
{
    /// <summary>The algorithm parameter that names the cost metric.</summary>
    public const string MetricParameter = "cost_metric";

    /// <summary>The cost metric and limit of <paramref name="spec"/> (both null when the study has no cost).</summary>
    public static (string? Metric, double? Limit) Choose(StudySpec spec, TrainerDescriptor trainer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(trainer);
        var constraints = spec.Constraints ?? [];
        var metric = ExplicitMetric(spec)
            ?? constraints.FirstOrDefault(c => c.Max is not null && IsCost(trainer, c.Metric))?.Metric;
        if (metric is null || !IsCost(trainer, metric))
        {
            return (null, null);
        }

        var limits = constraints.Where(c => c.Metric == metric && c.Max is not null).Select(c => c.Max!.Value).ToList();
        return (metric, limits.Count == 0 ? null : limits.Min());
    }

    /// <summary>
    /// The <see cref="StrategyContext"/> of a study whose algorithm uses one (see <see cref="StrategyCatalog.UsesContext"/>);
    /// empty for the others and for studies without a cost.
    /// </summary>
    public static StrategyContext CreateContext(StudySpec spec, TrainerCatalog trainers, SearchSpace space, TrainerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(trainers);
        if (!StrategyCatalog.UsesContext(spec.Algorithm.Name) || trainers.Find(spec.Trainer.Kind) is not { Cost: { } factory } trainer)
        {
            return StrategyContext.Empty;
        }

        var (metric, limit) = Choose(spec, trainer);
        if (metric is null)
        {
            return StrategyContext.Empty;
        }

        return new StrategyContext(factory(spec.Trainer, space, environment, metric), limit);
    }

    /// <summary>Adds the problems of the study's cost (an unknown cost metric, shaping without a cost) to <paramref name="found"/>.</summary>
    internal static void Check(StudySpec spec, TrainerDescriptor? trainer, List<SpecError> found)
    {
        if (trainer is null || spec.Algorithm is null || !StrategyCatalog.UsesContext(spec.Algorithm.Name))
        {
            return;
        }

        var costs = trainer.CostMetrics.Where(CostAllowList.IsAllowed).ToList();
        var known = costs.Count == 0 ? "none" : string.Join(", ", costs);
        if (ExplicitMetric(spec) is { } metric && !IsCost(trainer, metric))
        {
            var why = CostAllowList.IsAllowed(metric)
                ? $"trainer '{trainer.Kind}' cannot compute '{metric}' before training"
                : $"trainer '{trainer.Kind}' cannot compute '{metric}' before training, so it cannot be a cost (a strategy given it would search on the answer; the cost allow-list is {CostAllowList.Describe()})";
            found.Add(new SpecError($"algorithm.parameters.{MetricParameter}", $"{why}; use one trainer '{trainer.Kind}' computes ({known})"));
            return;
        }

        var (chosen, limit) = Choose(spec, trainer);
        if (spec.Algorithm.Name == TabNas.Name && (chosen is null || limit is null))
        {
            found.Add(new SpecError("constraints",
                $"algorithm '{spec.Algorithm.Name}' searches under a cost limit, and this study has none; add a constraint with a max on a cost trainer '{trainer.Kind}' computes before training ({known}), such as {{metric: params, max: 100000}}"));
            return;
        }

        var shaping = spec.Algorithm.Parameters?.GetValueOrDefault("reward_shaping");
        if (shaping is not null && shaping != RewardShaping.None.Kind && chosen is null)
        {
            found.Add(new SpecError("algorithm.parameters.reward_shaping",
                $"'{shaping}' needs a cost known before training; set {MetricParameter} (trainer '{trainer.Kind}' computes: {known}) or add a constraint with a max on one of them"));
        }
    }

    /// <summary>Whether <paramref name="metric"/> is on the <see cref="CostAllowList"/> and <paramref name="trainer"/> computes it before training.</summary>
    public static bool IsCost(TrainerDescriptor trainer, string metric)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        return CostAllowList.IsAllowed(metric) && trainer.CostMetrics.Contains(metric, StringComparer.Ordinal);
    }

    private static string? ExplicitMetric(StudySpec spec) =>
        spec.Algorithm?.Parameters?.GetValueOrDefault(MetricParameter) is { Length: > 0 } m ? m : null;
}
