using NasOrleans.Core.Specs;
using static NasOrleans.Core.Tests.Specs.SpecSamples;

namespace NasOrleans.Core.Tests.Specs;

public class StudySpecValidatorTests
{
    private const string Mlp = "space:\n  kind: mlp";
    private const string Synthetic = "trainer:\n  kind: synthetic";

    public static TheoryData<string, string, string, string> InvalidSpecs => new()
    {
        { "name with invalid characters", Yaml(name: "name: My Study"), "name", "not allowed ('M', ' ', 'S'); use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, such as 'my-study'" },
        { "name missing", Yaml(name: ""), "name", "missing" },
        { "name too long", Yaml(name: "name: " + new string('a', 65)), "name", "use at most 64" },
        { "objective metric not reported", Yaml(objective: "objective:\n  metric: accuracy"), "objective.metric", "it reports: validation_accuracy, test_accuracy" },
        { "objective metric missing", Yaml(objective: "objective:\n  goal: minimize"), "objective.metric", "missing" },
        { "unknown goal", Yaml(objective: "objective:\n  metric: validation_accuracy\n  goal: max"), "objective.goal", "use maximize or minimize" },
        { "constraint without bounds", Yaml(constraints: "constraints:\n  - metric: params"), "constraints[0]", "give min, max or both" },
        { "constraint min above max", Yaml(constraints: "constraints:\n  - {metric: params, min: 2, max: 1}"), "constraints[0].min", "2 is above max 1" },
        { "constraint metric not reported", Yaml(constraints: "constraints:\n  - {metric: loss, max: 1}"), "constraints[0].metric", "'loss' is not reported by trainer 'replay-test'" },
        { "unknown space kind", Yaml(space: "space:\n  kind: nb-201"), "space.kind", "did you mean 'nb201'?" },
        { "space kind parameter out of range", Yaml(space: Mlp + "\n  parameters: {max_layers: 9}", trainer: Synthetic), "space.parameters.max_layers", "9 is above the maximum 8; use a whole number from 1 to 8" },
        { "unknown space kind parameter", Yaml(space: Mlp + "\n  parameters: {depth: 2}", trainer: Synthetic), "space.parameters.depth", "known: max_layers, widths" },
        { "mlp widths not numbers", Yaml(space: Mlp + "\n  parameters: {widths: '8,x'}", trainer: Synthetic), "space.parameters.widths", "'x' is not a positive whole number" },
        { "custom space without decisions", Yaml(space: "space:\n  kind: custom", trainer: Synthetic), "space.decisions", "needs at least one decision" },
        { "decisions with a built-in kind", Yaml(space: "space:\n  kind: nb201\n  decisions:\n    - {name: a, type: integer, min: 1, max: 2}"), "space.decisions", "defines its own decisions" },
        { "duplicate decision names", Custom("- {name: a, type: integer, min: 1, max: 2}", "- {name: a, type: integer, min: 1, max: 3}"), "space.decisions[1].name", "names must be unique" },
        { "categorical without values", Custom("- {name: a, type: categorical, values: []}"), "space.decisions[0].values", "at least one value" },
        { "decision min above max", Custom("- {name: a, type: float, min: 5, max: 1}"), "space.decisions[0].min", "5 is above max 1" },
        { "log scale with min at zero", Custom("- {name: lr, type: float, min: 0, max: 1, log: true}"), "space.decisions[0].min", "log scale" },
        { "unknown decision type", Custom("- {name: a, type: categorcal, values: [x]}"), "space.decisions[0].type", "did you mean 'categorical'?" },
        { "unknown parent", Custom("- {name: layers, type: integer, min: 1, max: 3}", "- {name: w, type: categorical, values: [8], when: {layer: [2]}}"), "space.decisions[1].when.layer", "did you mean 'layers'?" },
        { "parent value not a value", Custom("- {name: layers, type: integer, min: 1, max: 3}", "- {name: w, type: categorical, values: [8], when: {layers: [2, 9]}}"), "space.decisions[1].when.layers", "'9' is not a value of 'layers'" },
        { "two parents", Custom("- {name: a, type: integer, min: 1, max: 3}", "- {name: b, type: integer, min: 1, max: 3}", "- {name: c, type: categorical, values: [x], when: {a: [1], b: [1]}}"), "space.decisions[2].when", "only one earlier decision" },
        { "unknown algorithm", Yaml(algorithm: "algorithm:\n  name: evolutoin"), "algorithm.name", "did you mean 'evolution'? known: random, evolution" },
        { "unknown algorithm parameter", Yaml(algorithm: "algorithm:\n  name: evolution\n  parameters: {pop_size: 5}"), "algorithm.parameters.pop_size", "known: population_size, sample_size" },
        { "algorithm parameter invalid", Yaml(algorithm: "algorithm:\n  name: evolution\n  parameters: {population_size: 1}"), "algorithm.parameters.population_size", "1 is below the minimum 2" },
        { "sample size above population", Yaml(algorithm: "algorithm:\n  name: evolution\n  parameters: {population_size: 5, sample_size: 8}"), "algorithm.parameters.sample_size", "larger than population_size (5)" },
        { "negative seed", Yaml(algorithm: "algorithm:\n  name: random\n  seed: -1"), "algorithm.seed", "expected a whole number from 0 to 18446744073709551615" },
        { "unknown trainer", Yaml(trainer: "trainer:\n  kind: torch"), "trainer.kind", "known: synthetic, replay-test" },
        { "unknown trainer parameter", Yaml(trainer: Synthetic + "\n  parameters: {speed: 2}"), "trainer.parameters.speed", "known: duration_ms, failure_rate, epochs, salt" },
        { "trainer parameter invalid", Yaml(trainer: Synthetic + "\n  parameters: {failure_rate: 2}"), "trainer.parameters.failure_rate", "2 is above the maximum 1; use a number from 0 to 1" },
        { "trainer that needs another space", Yaml(space: Mlp), "trainer.kind", "works only with space kind nb201, and the space is 'mlp'" },
        { "max_trials zero", Yaml(budget: "budget:\n  max_trials: 0"), "budget.max_trials", "0 is not allowed; use a whole number from 1 to 1000000" },
        { "max_trials too many", Yaml(space: Mlp + "\n  parameters: {max_layers: 8}", trainer: Synthetic, budget: "budget:\n  max_trials: 1000001"), "budget.max_trials", "use at most 1000000" },
        { "max_trials above the space", Yaml(budget: "budget:\n  max_trials: 20000"), "budget.max_trials", "the space holds only 15625 architectures" },
        { "parallel_trials zero", Yaml(budget: "budget:\n  max_trials: 100\n  parallel_trials: 0"), "budget.parallel_trials", "0 is not allowed; use a whole number from 1 to max_trials (100)" },
        { "parallel_trials above max_trials", Yaml(budget: "budget:\n  max_trials: 10\n  parallel_trials: 11"), "budget.parallel_trials", "from 1 to max_trials (10)" },
        { "max_failed_trials negative", Yaml(budget: "budget:\n  max_trials: 10\n  max_failed_trials: -1"), "budget.max_failed_trials", "-1 is not allowed" },
        { "max_trials missing", Yaml(budget: "budget:\n  parallel_trials: 2"), "budget.max_trials", "missing" },
        { "text where a number belongs", Yaml(budget: "budget:\n  max_trials: lots"), "budget.max_trials", "expected a whole number, got the text 'lots'" },
        { "quoted number", Yaml(budget: "budget:\n  max_trials: '100'"), "budget.max_trials", "write numbers without quotes" },
        { "unknown key near a known one", Yaml(budget: "budget:\n  max_trial: 100"), "budget.max_trial", "did you mean 'max_trials'?" },
        { "unknown top-level key", Yaml(name: "name: test-study\ndescription: hello"), "description", "known keys: name, objective, constraints" },
        { "section of the wrong shape", Yaml(budget: "budget: 100"), "budget", "expected a mapping of keys max_trials, parallel_trials, max_failed_trials, trial_timeout, got the number 100" },
        { "yaml syntax error", Yaml(space: "space:\n  kind: [nb201"), "yaml", "syntax error at line" },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void ParseYaml_InvalidSpec_ReportsFieldAndProblem(string description, string yaml, string field, string fragment)
    {
        var errors = Errors(yaml);

        var error = Assert.Single(errors, e => e.Field == field);
        Assert.True(error.Message.Contains(fragment, StringComparison.Ordinal), $"{description}: '{error.Message}' lacks '{fragment}'");
    }

    [Fact]
    public void ParseYaml_ThreeProblems_ReportsAllThreeInOneException()
    {
        var yaml = Yaml(name: "name: Bad Name", algorithm: "algorithm:\n  name: evolutoin", budget: "budget:\n  max_trials: 100\n  parallel_trials: 0");

        var errors = Errors(yaml);

        Assert.Equal(["name", "algorithm.name", "budget.parallel_trials"], errors.Select(e => e.Field));
    }

    [Fact]
    public void ParseYaml_ParseAndValidationProblems_ListsParseProblemsFirst()
    {
        var yaml = Yaml(name: "name: Bad Name", budget: "budget:\n  max_trials: 100\n  paralel_trials: 2");

        var errors = Errors(yaml);

        Assert.Equal(["budget.paralel_trials", "name"], errors.Select(e => e.Field));
        Assert.Contains("did you mean 'parallel_trials'?", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseYaml_BrokenSection_StillReportsTheOtherSections()
    {
        var yaml = Yaml(name: "name: Bad", space: "space: [1, 2]", budget: "budget: lots");

        var errors = Errors(yaml);

        Assert.Equal(["space", "budget", "name"], errors.Select(e => e.Field));
    }

    [Fact]
    public void ParseYaml_BrokenDecisionEntry_StillChecksTheOtherDecisions()
    {
        var yaml = Custom("- {name: layers, type: integer, min: 1, max: 3}", "- {name: w, type: categorical, values: [8], when: {layer: [2]}}", "- oops");

        var errors = Errors(yaml);

        Assert.Equal(["space.decisions[2]", "space.decisions[1].when.layer"], errors.Select(e => e.Field));
    }

    [Fact]
    public void ParseYaml_AbbreviatedMetric_SuggestsTheFullName()
    {
        var errors = Errors(Yaml(objective: "objective: {metric: val_acc}"));

        Assert.Contains("did you mean 'validation_accuracy'?", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidSpec_ReturnsNoErrors()
    {
        var spec = StudySpecParser.ParseYaml(Yaml(), Catalog);

        Assert.Empty(StudySpecValidator.Validate(spec, Catalog));
    }

    [Fact]
    public void Validate_SpecBuiltInCode_ReportsEveryProblem()
    {
        var spec = new StudySpec(
            "ok",
            new ObjectiveSpec("validation_accuracy", ObjectiveGoal.Maximize),
            [new ConstraintSpec("params", double.NaN, null)],
            new SpaceSpec("mlp", new Dictionary<string, string>(), []),
            new AlgorithmSpec("random", 0, new Dictionary<string, string>()),
            new TrainerSpec("synthetic", new Dictionary<string, string>()),
            new BudgetSpec(500, 1, 5));

        var errors = StudySpecValidator.Validate(spec, Catalog);

        Assert.Equal(["constraints[0].min", "budget.max_trials"], errors.Select(e => e.Field));
        Assert.Contains("the space holds only 399 architectures", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_InvalidSpec_ThrowsWithEveryError()
    {
        var spec = StudySpecParser.ParseYaml(Yaml(), Catalog) with { Name = "" };

        var e = Assert.Throws<SpecValidationException>(() => StudySpecValidator.EnsureValid(spec, Catalog));

        Assert.Equal("name", Assert.Single(e.Errors).Field);
    }

    private static string Custom(params string[] decisions) =>
        Yaml(space: "space:\n  kind: custom\n  decisions:\n" + string.Join('\n', decisions.Select(d => "    " + d)), trainer: Synthetic);
}
