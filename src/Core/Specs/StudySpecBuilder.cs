using NasOrleans.Core.Spaces;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Specs;

/// <summary>
/// Builds a <see cref="StudySpec"/> in C#, with the same defaults as the YAML form; <see cref="Build"/>
/// validates it, listing every problem in one <see cref="SpecValidationException"/>.
/// </summary>
/// <example>
/// <code>
/// var spec = new StudySpecBuilder("nb201-evolution")
///     .Maximize("validation_accuracy")
///     .WithSpace("nb201")
///     .WithAlgorithm("evolution", seed: 1, ("population_size", "10"))
///     .WithTrainer("nb201-replay")
///     .WithBudget(100, parallel: 4)
///     .Build();
/// </code>
/// </example>
public sealed class StudySpecBuilder
{
    private readonly string _name;
    private readonly List<ConstraintSpec> _constraints = [];
    private readonly List<DecisionSpec> _decisions = [];
    private readonly Dictionary<string, string> _spaceParameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _algorithmParameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _trainerParameters = new(StringComparer.Ordinal);
    private ObjectiveSpec _objective = new(string.Empty, ObjectiveGoal.Maximize);
    private EarlyStoppingSpec? _earlyStopping;
    private List<DomainSpec>? _domains;
    private string? _spaceKind;
    private string _algorithm = string.Empty;
    private ulong _seed;
    private string _trainer = string.Empty;
    private int _maxTrials;
    private int _parallelTrials = 1;
    private int? _maxFailedTrials;
    private double? _trialTimeoutSeconds;

    /// <summary>Starts a spec for the study <paramref name="name"/> (it becomes the study id).</summary>
    public StudySpecBuilder(string name)
    {
        _name = name;
    }

    /// <summary>Optimizes <paramref name="metric"/> towards higher values.</summary>
    public StudySpecBuilder Maximize(string metric) => WithObjective(metric, ObjectiveGoal.Maximize);

    /// <summary>Optimizes <paramref name="metric"/> towards lower values.</summary>
    public StudySpecBuilder Minimize(string metric) => WithObjective(metric, ObjectiveGoal.Minimize);

    /// <summary>Sets the objective.</summary>
    public StudySpecBuilder WithObjective(string metric, ObjectiveGoal goal)
    {
        _objective = new ObjectiveSpec(metric, goal);
        return this;
    }

    /// <summary>Bounds <paramref name="metric"/> from below, above or both.</summary>
    public StudySpecBuilder AddConstraint(string metric, double? min = null, double? max = null)
    {
        _constraints.Add(new ConstraintSpec(metric, min, max));
        return this;
    }

    /// <summary>Uses the space kind <paramref name="kind"/> with <paramref name="parameters"/> (values as invariant text).</summary>
    public StudySpecBuilder WithSpace(string kind, params (string Name, string Value)[] parameters)
    {
        _spaceKind = kind;
        Set(_spaceParameters, parameters);
        return this;
    }

    /// <summary>Adds a decision of a custom space (the kind becomes <c>custom</c> unless one was set).</summary>
    public StudySpecBuilder AddDecision(DecisionSpec decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        _decisions.Add(decision);
        return this;
    }

    /// <summary>Adds a categorical decision, active only when <paramref name="when"/> holds (parent name and its allowed values).</summary>
    public StudySpecBuilder AddCategorical(string name, IReadOnlyList<string> values, (string Parent, string[] Values)? when = null) =>
        AddDecision(new DecisionSpec(name, "categorical", Values: values, When: When(when)));

    /// <summary>Adds an integer decision in [<paramref name="min"/>, <paramref name="max"/>] on <paramref name="step"/>.</summary>
    public StudySpecBuilder AddInteger(string name, long min, long max, long step = 1, (string Parent, string[] Values)? when = null) =>
        AddDecision(new DecisionSpec(name, "integer", Min: min, Max: max, Step: step, When: When(when)));

    /// <summary>Adds a float decision in [<paramref name="min"/>, <paramref name="max"/>], on a log scale when <paramref name="log"/>.</summary>
    public StudySpecBuilder AddFloat(string name, double min, double max, bool log = false, (string Parent, string[] Values)? when = null) =>
        AddDecision(new DecisionSpec(name, "float", Min: min, Max: max, Log: log, When: When(when)));

    /// <summary>Uses the algorithm <paramref name="name"/> with <paramref name="seed"/> and <paramref name="parameters"/>.</summary>
    public StudySpecBuilder WithAlgorithm(string name, ulong seed = 0, params (string Name, string Value)[] parameters)
    {
        _algorithm = name;
        _seed = seed;
        Set(_algorithmParameters, parameters);
        return this;
    }

    /// <summary>Uses the trainer kind <paramref name="kind"/> with <paramref name="parameters"/>.</summary>
    public StudySpecBuilder WithTrainer(string kind, params (string Name, string Value)[] parameters)
    {
        _trainer = kind;
        Set(_trainerParameters, parameters);
        return this;
    }

    /// <summary>Stops trials early from their learning curves (<c>median</c> or <c>asha</c>).</summary>
    public StudySpecBuilder WithEarlyStopping(string rule, int minSteps = 1, int reductionFactor = 3, int minTrials = 3)
    {
        _earlyStopping = new EarlyStoppingSpec(rule, minSteps, reductionFactor, minTrials);
        return this;
    }

    /// <summary>Adds a domain of a multi-domain search (the spec's <c>domains:</c>, in the order added).</summary>
    public StudySpecBuilder AddDomain(DomainSpec domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        (_domains ??= []).Add(domain);
        return this;
    }

    /// <summary>Sets the budget; <paramref name="maxFailed"/> defaults to max(3, 10% of <paramref name="maxTrials"/>).</summary>
    public StudySpecBuilder WithBudget(int maxTrials, int parallel = 1, int? maxFailed = null)
    {
        _maxTrials = maxTrials;
        _parallelTrials = parallel;
        _maxFailedTrials = maxFailed;
        return this;
    }

    /// <summary>Stops and fails any trial still training after <paramref name="seconds"/> (<c>budget.trial_timeout</c>).</summary>
    public StudySpecBuilder WithTrialTimeout(double seconds)
    {
        _trialTimeoutSeconds = seconds;
        return this;
    }

    /// <summary>
    /// The spec, validated against <paramref name="catalog"/> (<see cref="TrainerCatalog.Default"/> when null);
    /// throws <see cref="SpecValidationException"/> listing every problem.
    /// </summary>
    public StudySpec Build(TrainerCatalog? catalog = null)
    {
        var space = new SpaceSpec(_spaceKind, new Dictionary<string, string>(_spaceParameters, StringComparer.Ordinal), [.. _decisions]);
        var spec = new StudySpec(
            _name,
            _objective,
            [.. _constraints],
            space with { Kind = SpaceCatalog.EffectiveKind(space) },
            new AlgorithmSpec(_algorithm, _seed, new Dictionary<string, string>(_algorithmParameters, StringComparer.Ordinal)),
            new TrainerSpec(_trainer, new Dictionary<string, string>(_trainerParameters, StringComparer.Ordinal)),
            new BudgetSpec(_maxTrials, _parallelTrials, _maxFailedTrials ?? BudgetSpec.DefaultMaxFailedTrials(_maxTrials), _trialTimeoutSeconds))
        {
            EarlyStopping = _earlyStopping,
            Domains = _domains?.ToList(),
        };
        StudySpecValidator.EnsureValid(spec, catalog);
        return spec;
    }

    private static void Set(Dictionary<string, string> target, (string Name, string Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        target.Clear();
        foreach (var (name, value) in parameters)
        {
            target[name] = value;
        }
    }

    private static Dictionary<string, IReadOnlyList<string>>? When((string Parent, string[] Values)? when) =>
        when is { } w ? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [w.Parent] = w.Values } : null;
}
