using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Specs;

/// <summary>
/// Reads a <see cref="SpecNode"/> tree into a <see cref="StudySpec"/>, collecting every parse-level problem
/// (unknown keys, wrong types, missing required values the model cannot hold) and filling the defaults.
/// Whatever could not be read becomes a placeholder and is marked broken, so the validator can still
/// check the rest.
/// </summary>
internal sealed class StudySpecReader
{
    public static readonly IReadOnlyList<string> RootKeys = ["name", "objective", "constraints", "space", "algorithm", "trainer", "budget", "early_stopping", "domains"];
    public static readonly IReadOnlyList<string> EarlyStoppingKeys = ["rule", "min_steps", "reduction_factor", "min_trials"];
    public static readonly IReadOnlyList<string> ObjectiveKeys = ["metric", "goal"];
    public static readonly IReadOnlyList<string> ConstraintKeys = ["metric", "min", "max"];
    public static readonly IReadOnlyList<string> SpaceKeys = ["kind", "parameters", "decisions"];
    public static readonly IReadOnlyList<string> DecisionKeys = ["name", "type", "values", "min", "max", "step", "log", "when"];
    public static readonly IReadOnlyList<string> AlgorithmKeys = ["name", "seed", "parameters"];
    public static readonly IReadOnlyList<string> TrainerKeys = ["kind", "parameters"];
    public static readonly IReadOnlyList<string> BudgetKeys = ["max_trials", "parallel_trials", "max_failed_trials", "trial_timeout"];
    public static readonly IReadOnlyList<string> Goals = ["maximize", "minimize"];

    private readonly SpecTreeReader _r;

    public StudySpecReader(SpecTreeReader reader)
    {
        _r = reader;
    }

    /// <summary>The spec of <paramref name="root"/>; null when the root is not even a mapping.</summary>
    public StudySpec? Read(SpecNode root)
    {
        var map = _r.Map(root, string.Empty, RootKeys);
        if (map is null)
        {
            return null;
        }

        return new StudySpec(
            _r.Text(map.GetValueOrDefault("name"), "name") ?? string.Empty,
            ReadObjective(map.GetValueOrDefault("objective")),
            ReadConstraints(map.GetValueOrDefault("constraints")),
            ReadSpace(map.GetValueOrDefault("space")),
            ReadAlgorithm(map.GetValueOrDefault("algorithm")),
            ReadTrainer(map.GetValueOrDefault("trainer")),
            ReadBudget(map.GetValueOrDefault("budget")))
        {
            EarlyStopping = map.TryGetValue("early_stopping", out var early) ? ReadEarlyStopping(early) : null,
            Domains = map.TryGetValue("domains", out var domains) ? DomainSpecReader.Read(_r, domains) : null,
        };
    }

    private EarlyStoppingSpec ReadEarlyStopping(SpecNode node)
    {
        var map = _r.Map(node, "early_stopping", EarlyStoppingKeys) ?? [];
        var rule = _r.Text(map.GetValueOrDefault("rule"), "early_stopping.rule") ?? "median";
        return new EarlyStoppingSpec(
            rule,
            (int)(_r.Whole(map.GetValueOrDefault("min_steps"), "early_stopping.min_steps", int.MinValue, int.MaxValue, "use at most 1000") ?? 1),
            (int)(_r.Whole(map.GetValueOrDefault("reduction_factor"), "early_stopping.reduction_factor", int.MinValue, int.MaxValue, "use at most 100") ?? 3),
            (int)(_r.Whole(map.GetValueOrDefault("min_trials"), "early_stopping.min_trials", int.MinValue, int.MaxValue, "use at most 1000") ?? 3));
    }

    private ObjectiveSpec ReadObjective(SpecNode? node)
    {
        var map = _r.Map(node, "objective", ObjectiveKeys) ?? [];
        var metric = _r.Text(map.GetValueOrDefault("metric"), "objective.metric") ?? string.Empty;
        var goal = ObjectiveGoal.Maximize;
        var goalNode = map.GetValueOrDefault("goal");
        switch (_r.Text(goalNode, "objective.goal"))
        {
            case null or "maximize":
                break;
            case "minimize":
                goal = ObjectiveGoal.Minimize;
                break;
            case var other:
                _r.Fail("objective.goal", $"'{other}' is not a goal; {SpecSuggestions.DidYouMean(other, Goals)}use maximize or minimize", goalNode);
                break;
        }

        return new ObjectiveSpec(metric, goal);
    }

    private List<ConstraintSpec> ReadConstraints(SpecNode? node)
    {
        var result = new List<ConstraintSpec>();
        var items = _r.List(node, "constraints", "constraints (metric with min and/or max)") ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"constraints[{i}]";
            var map = _r.Map(items[i], path, ConstraintKeys) ?? [];
            result.Add(new ConstraintSpec(
                _r.Text(map.GetValueOrDefault("metric"), $"{path}.metric") ?? string.Empty,
                _r.Number(map.GetValueOrDefault("min"), $"{path}.min"),
                _r.Number(map.GetValueOrDefault("max"), $"{path}.max")));
        }

        return result;
    }

    private SpaceSpec ReadSpace(SpecNode? node)
    {
        var map = _r.Map(node, "space", SpaceKeys) ?? [];
        var kind = _r.Text(map.GetValueOrDefault("kind"), "space.kind");
        var parameters = _r.Parameters(map.GetValueOrDefault("parameters"), "space.parameters");
        var decisions = new List<DecisionSpec>();
        var items = _r.List(map.GetValueOrDefault("decisions"), "space.decisions", "decisions (name, type, values or min and max)") ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            decisions.Add(ReadDecision(items[i], $"space.decisions[{i}]"));
        }

        var spec = new SpaceSpec(kind, parameters, decisions);
        return spec with { Kind = SpaceCatalog.EffectiveKind(spec) };
    }

    private DecisionSpec ReadDecision(SpecNode node, string path)
    {
        var map = _r.Map(node, path, DecisionKeys) ?? [];
        List<string>? values = null;
        if (map.TryGetValue("values", out var valuesNode))
        {
            values = ReadValues(valuesNode, $"{path}.values");
        }

        Dictionary<string, IReadOnlyList<string>>? when = null;
        if (map.TryGetValue("when", out var whenNode))
        {
            when = [];
            foreach (var (parent, allowed) in _r.Map(whenNode, $"{path}.when", known: null) ?? [])
            {
                when[parent] = allowed is SpecScalarNode { Kind: not SpecScalarKind.Null } single
                    ? [SpecTreeReader.ScalarText(single)]
                    : ReadValues(allowed, $"{path}.when.{parent}");
            }
        }

        return new DecisionSpec(
            _r.Text(map.GetValueOrDefault("name"), $"{path}.name") ?? string.Empty,
            _r.Text(map.GetValueOrDefault("type"), $"{path}.type") ?? string.Empty,
            values,
            _r.Number(map.GetValueOrDefault("min"), $"{path}.min"),
            _r.Number(map.GetValueOrDefault("max"), $"{path}.max"),
            _r.Whole(map.GetValueOrDefault("step"), $"{path}.step"),
            _r.Boolean(map.GetValueOrDefault("log"), $"{path}.log") ?? false,
            when);
    }

    private List<string> ReadValues(SpecNode node, string path)
    {
        var values = new List<string>();
        var items = _r.List(node, path, "values") ?? [];
        for (var k = 0; k < items.Count; k++)
        {
            if (items[k] is SpecScalarNode { Kind: not SpecScalarKind.Null } s)
            {
                values.Add(SpecTreeReader.ScalarText(s));
            }
            else
            {
                _r.Fail($"{path}[{k}]", $"expected a single value, got {items[k].Describe()}", items[k]);
            }
        }

        return values;
    }

    private AlgorithmSpec ReadAlgorithm(SpecNode? node)
    {
        var map = _r.Map(node, "algorithm", AlgorithmKeys) ?? [];
        return new AlgorithmSpec(
            _r.Text(map.GetValueOrDefault("name"), "algorithm.name") ?? string.Empty,
            _r.Unsigned(map.GetValueOrDefault("seed"), "algorithm.seed") ?? 0,
            _r.Parameters(map.GetValueOrDefault("parameters"), "algorithm.parameters"));
    }

    private TrainerSpec ReadTrainer(SpecNode? node)
    {
        var map = _r.Map(node, "trainer", TrainerKeys) ?? [];
        return new TrainerSpec(
            _r.Text(map.GetValueOrDefault("kind"), "trainer.kind") ?? string.Empty,
            _r.Parameters(map.GetValueOrDefault("parameters"), "trainer.parameters"));
    }

    private BudgetSpec ReadBudget(SpecNode? node)
    {
        var map = _r.Map(node, "budget", BudgetKeys);
        var tooLarge = $"use at most {StudySpecValidator.MaxTrialsLimit}";
        var maxTrials = _r.Whole(map?.GetValueOrDefault("max_trials"), "budget.max_trials", int.MinValue, int.MaxValue, tooLarge);
        if (map is not null && maxTrials is null && !_r.Broken.Covers("budget.max_trials"))
        {
            _r.Fail("budget.max_trials", "missing; every study needs a budget, such as budget: {max_trials: 100}", node);
        }

        var parallel = _r.Whole(map?.GetValueOrDefault("parallel_trials"), "budget.parallel_trials", int.MinValue, int.MaxValue, $"use at most {StudySpecValidator.ParallelTrialsLimit}");
        var failed = _r.Whole(map?.GetValueOrDefault("max_failed_trials"), "budget.max_failed_trials", int.MinValue, int.MaxValue, tooLarge);
        var timeout = _r.Number(map?.GetValueOrDefault("trial_timeout"), "budget.trial_timeout");
        return new BudgetSpec((int)(maxTrials ?? 0), (int)(parallel ?? 1), (int)(failed ?? BudgetSpec.DefaultMaxFailedTrials((int)(maxTrials ?? 0))), timeout);
    }
}
