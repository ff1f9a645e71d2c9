using System.Globalization;
using System.Text.RegularExpressions;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Specs;

/// <summary>
/// Checks a whole study spec: its name, objective, constraints, space, algorithm, trainer, budget, early stopping and domains,
/// and how they fit together. Every problem is listed, each naming its field and the fix.
/// </summary>
public static partial class StudySpecValidator
{
    /// <summary>The most trials one study may run.</summary>
    public const int MaxTrialsLimit = 1_000_000;

    /// <summary>The most trials one study may run at once.</summary>
    public const int ParallelTrialsLimit = 10_000;

    /// <summary>The longest study name.</summary>
    public const int NameMaxLength = 64;

    /// <summary>Every problem of <paramref name="spec"/> (empty when it is valid), in the order of the spec's sections.</summary>
    public static IReadOnlyList<SpecError> Validate(StudySpec spec, TrainerCatalog trainers)
    {
        var errors = new List<SpecError>();
        Validate(spec, trainers, BrokenFields.None, errors);
        return errors;
    }

    /// <summary>Throws <see cref="SpecValidationException"/> listing every problem of <paramref name="spec"/>, if it has any.</summary>
    public static void EnsureValid(StudySpec spec, TrainerCatalog? trainers = null)
    {
        var errors = Validate(spec, trainers ?? TrainerCatalog.Default);
        if (errors.Count > 0)
        {
            throw new SpecValidationException(errors);
        }
    }

    /// <summary>Whether <paramref name="name"/> is a valid study name (it becomes the study id).</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Adds the problems of <paramref name="spec"/> not covered by <paramref name="broken"/> to <paramref name="errors"/>.</summary>
    internal static void Validate(StudySpec spec, TrainerCatalog trainers, BrokenFields broken, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(trainers);
        var found = new List<SpecError>();
        CheckName(spec.Name, found);

        var trainer = broken.Covers("trainer.kind") || spec.Trainer is null ? null : trainers.Find(spec.Trainer.Kind);
        CheckObjective(spec.Objective, trainer, found);
        CheckConstraints(spec.Constraints ?? [], trainer, found);

        var spaceErrors = new List<SpecError>();
        SearchSpace? space = null;
        if (spec.Space is null)
        {
            spaceErrors.Add(new SpecError("space.kind", $"missing; give a space kind: {string.Join(", ", SpaceCatalog.Kinds)}"));
        }
        else
        {
            SpaceCatalog.Validate(spec.Space, broken, spaceErrors);
            if (spaceErrors.Count == 0 && !broken.AnyUnder("space"))
            {
                space = SpaceCatalog.Create(spec.Space);
            }
        }

        found.AddRange(spaceErrors);
        var spaceKind = spec.Space is null || broken.Covers("space.kind") || SpaceCatalog.Find(SpaceCatalog.EffectiveKind(spec.Space)) is null
            ? null
            : SpaceCatalog.EffectiveKind(spec.Space);
        SpecComponentChecks.CheckAlgorithm(spec.Algorithm, found);
        SpecComponentChecks.CheckTrainer(spec.Trainer, trainers, spaceKind, found);
        JobAlgorithmChecks.Check(spec, spaceKind, found);
        PairedAlgorithmChecks.Check(spec, spaceKind, found);
        CheckBudget(spec.Budget, space, broken, found);
        CheckEarlyStopping(spec.EarlyStopping, found);
        DomainSpecChecks.Check(spec.Domains, trainer, found);
        StudyCost.Check(spec, trainer, found);
        errors.AddRange(found.Where(e => !broken.Covers(e.Field)));
    }

    private static void CheckEarlyStopping(EarlyStoppingSpec? early, List<SpecError> found)
    {
        if (early is null)
        {
            return;
        }

        if (!EarlyStoppingSpec.Rules.Contains(early.Rule, StringComparer.Ordinal))
        {
            found.Add(new SpecError("early_stopping.rule", $"'{early.Rule}' is not a rule; {SpecSuggestions.DidYouMean(early.Rule, EarlyStoppingSpec.Rules)}use median or asha"));
        }

        if (early.MinSteps is < 1 or > 1000)
        {
            found.Add(new SpecError("early_stopping.min_steps", $"{early.MinSteps} is not allowed; use a whole number from 1 to 1000 (steps a trial always gets)"));
        }

        if (early.ReductionFactor is < 2 or > 100)
        {
            found.Add(new SpecError("early_stopping.reduction_factor", $"{early.ReductionFactor} is not allowed; use a whole number from 2 to 100"));
        }

        if (early.MinTrials is < 1 or > 1000)
        {
            found.Add(new SpecError("early_stopping.min_trials", $"{early.MinTrials} is not allowed; use a whole number from 1 to 1000 (trials to compare with before stopping any)"));
        }
    }

    private static void CheckName(string? name, List<SpecError> found)
    {
        const string Rule = "use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit";
        if (string.IsNullOrEmpty(name))
        {
            found.Add(new SpecError("name", $"missing; give the study a name such as 'nb201-evolution' ({Rule}); it becomes the study id"));
        }
        else if (name.Length > NameMaxLength)
        {
            found.Add(new SpecError("name", $"is {name.Length} characters long; use at most {NameMaxLength}"));
        }
        else if (!IsValidName(name))
        {
            var bad = name.Where(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-')).Distinct().Select(c => $"'{c}'").ToList();
            var problem = bad.Count > 0 ? $"has characters that are not allowed ({string.Join(", ", bad)})" : $"starts with '{name[0]}'";
            var suggestion = Slug(name);
            var example = suggestion.Length > 0 ? $", such as '{suggestion}'" : string.Empty;
            found.Add(new SpecError("name", $"'{name}' {problem}; {Rule}{example}"));
        }
    }

    private static void CheckObjective(ObjectiveSpec? objective, TrainerDescriptor? trainer, List<SpecError> found)
    {
        SpecComponentChecks.CheckMetric(objective?.Metric, "objective.metric", trainer, "to optimize", found);
        if (objective is not null && !Enum.IsDefined(objective.Goal))
        {
            found.Add(new SpecError("objective.goal", $"'{objective.Goal}' is not a goal; use maximize or minimize"));
        }
    }

    private static void CheckConstraints(IReadOnlyList<ConstraintSpec?> constraints, TrainerDescriptor? trainer, List<SpecError> found)
    {
        for (var i = 0; i < constraints.Count; i++)
        {
            var path = $"constraints[{i}]";
            if (constraints[i] is not { } c)
            {
                found.Add(new SpecError(path, "no constraint here; give metric and min and/or max"));
                continue;
            }

            SpecComponentChecks.CheckMetric(c.Metric, $"{path}.metric", trainer, "to bound (such as params, flops or latency_ms)", found);
            if (c.Min is null && c.Max is null)
            {
                found.Add(new SpecError(path, $"no bound on '{c.Metric}'; give min, max or both"));
            }

            foreach (var (key, value) in new[] { ("min", c.Min), ("max", c.Max) })
            {
                if (value is { } v && !double.IsFinite(v))
                {
                    found.Add(new SpecError($"{path}.{key}", $"{SpecParameterChecks.Format(v)} is not allowed; use a finite number"));
                }
            }

            if (c.Min is { } min && c.Max is { } max && double.IsFinite(min) && double.IsFinite(max) && min > max)
            {
                found.Add(new SpecError($"{path}.min", $"{SpecParameterChecks.Format(min)} is above max {SpecParameterChecks.Format(max)}; use min <= max"));
            }
        }
    }

    private static void CheckBudget(BudgetSpec? budget, SearchSpace? space, BrokenFields broken, List<SpecError> found)
    {
        if (budget is null)
        {
            found.Add(new SpecError("budget.max_trials", "missing; every study needs a budget, such as budget: {max_trials: 100}"));
            return;
        }

        var maxTrialsOk = !broken.Covers("budget.max_trials");
        if (budget.MaxTrials < 1)
        {
            found.Add(new SpecError("budget.max_trials", Invariant($"{budget.MaxTrials} is not allowed; use a whole number from 1 to {MaxTrialsLimit}")));
            maxTrialsOk = false;
        }
        else if (budget.MaxTrials > MaxTrialsLimit)
        {
            found.Add(new SpecError("budget.max_trials", Invariant($"{budget.MaxTrials} is too many; use at most {MaxTrialsLimit}")));
            maxTrialsOk = false;
        }
        else if (space?.Cardinality is { } size && budget.MaxTrials > size)
        {
            found.Add(new SpecError("budget.max_trials", Invariant($"{budget.MaxTrials} is more than the space holds: the space holds only {size:0} architectures; use at most {size:0}")));
        }

        var parallelLimit = maxTrialsOk ? Math.Min(budget.MaxTrials, ParallelTrialsLimit) : ParallelTrialsLimit;
        if (budget.ParallelTrials < 1 || budget.ParallelTrials > parallelLimit)
        {
            var bound = maxTrialsOk && budget.MaxTrials <= ParallelTrialsLimit ? $"max_trials ({budget.MaxTrials})" : $"{ParallelTrialsLimit}";
            found.Add(new SpecError("budget.parallel_trials", Invariant($"{budget.ParallelTrials} is not allowed; use a whole number from 1 to {bound}")));
        }

        if (budget.MaxFailedTrials < 0)
        {
            found.Add(new SpecError("budget.max_failed_trials", Invariant($"{budget.MaxFailedTrials} is not allowed; use a whole number of at least 0")));
        }

        if (budget.TrialTimeoutSeconds is { } timeout && (!double.IsFinite(timeout) || timeout <= 0 || timeout > BudgetSpec.MaxTrialTimeoutSeconds))
        {
            found.Add(new SpecError("budget.trial_timeout", Invariant($"{timeout} is not allowed; give the seconds a trial may train, above 0 and at most {BudgetSpec.MaxTrialTimeoutSeconds} (a week)")));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Slug(string name)
    {
        var slug = NotAllowed().Replace(name.ToLowerInvariant(), "-").Trim('-', '.', '_');
        return slug.Length > NameMaxLength ? slug[..NameMaxLength].TrimEnd('-', '.', '_') : slug;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("[^a-z0-9._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotAllowed();
}
