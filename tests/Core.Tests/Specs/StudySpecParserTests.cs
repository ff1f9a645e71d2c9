using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using static NasOrleans.Core.Tests.Specs.SpecSamples;

namespace NasOrleans.Core.Tests.Specs;

public class StudySpecParserTests
{
    [Fact]
    public void ParseYaml_ValidSpec_ReadsEveryField()
    {
        var spec = StudySpecParser.ParseYaml(Yaml(), Catalog);

        Assert.Equal("test-study", spec.Name);
        Assert.Equal(new ObjectiveSpec("validation_accuracy", ObjectiveGoal.Maximize), spec.Objective);
        Assert.Equal(new ConstraintSpec("params", null, 1.5), Assert.Single(spec.Constraints));
        Assert.Equal("nb201", spec.Space.Kind);
        Assert.Equal("evolution", spec.Algorithm.Name);
        Assert.Equal(42UL, spec.Algorithm.Seed);
        Assert.Equal("10", spec.Algorithm.Parameters["population_size"]);
        Assert.Equal("replay-test", spec.Trainer.Kind);
        Assert.Equal(new BudgetSpec(100, 4, 10), spec.Budget);
    }

    [Fact]
    public void ParseYaml_OptionalFieldsLeftOut_FillsDefaults()
    {
        var yaml = "name: s\nobjective: {metric: loss}\nspace: {kind: nb201}\nalgorithm: {name: random}\ntrainer: {kind: synthetic}\nbudget: {max_trials: 7}\n";

        var spec = StudySpecParser.ParseYaml(yaml);

        Assert.Equal(ObjectiveGoal.Maximize, spec.Objective.Goal);
        Assert.Empty(spec.Constraints);
        Assert.Equal(0UL, spec.Algorithm.Seed);
        Assert.Empty(spec.Algorithm.Parameters);
        Assert.Equal(new BudgetSpec(7, 1, 3), spec.Budget);
    }

    [Fact]
    public void ParseYaml_ExternalTrainer_AcceptsWhateverMetricTheWorkersReport()
    {
        var yaml = "name: s\nobjective: {metric: cv_accuracy}\nspace: {kind: custom, decisions: [{name: c, type: float, min: 0.01, max: 100, log: true}]}\n" +
            "algorithm: {name: random}\ntrainer: {kind: external}\nbudget: {max_trials: 7}\n";

        var spec = StudySpecParser.ParseYaml(yaml);
        var synthetic = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(yaml.Replace("external", "synthetic", StringComparison.Ordinal)));

        Assert.Equal("external", spec.Trainer.Kind);
        Assert.Contains(synthetic.Errors, e => e.Field == "objective.metric" && e.Message.Contains("'cv_accuracy' is not reported", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseYaml_TrialTimeout_ReadsSecondsAndKeepsItThroughJson()
    {
        var yaml = "name: s\nobjective: {metric: loss}\nspace: {kind: nb201}\nalgorithm: {name: random}\ntrainer: {kind: synthetic}\nbudget: {max_trials: 7, trial_timeout: 90.5}\n";

        var spec = StudySpecParser.ParseYaml(yaml);

        Assert.Equal(90.5, spec.Budget.TrialTimeoutSeconds);
        Assert.Equal(90.5, StudySpecParser.ParseJson(StudySpecJson.Serialize(spec)).Budget.TrialTimeoutSeconds);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("700000")]
    public void ParseYaml_TrialTimeoutOutOfRange_NamesTheFieldAndTheRange(string seconds)
    {
        var yaml = $"name: s\nobjective: {{metric: loss}}\nspace: {{kind: nb201}}\nalgorithm: {{name: random}}\ntrainer: {{kind: synthetic}}\nbudget: {{max_trials: 7, trial_timeout: {seconds}}}\n";

        var error = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(yaml));

        var problem = Assert.Single(error.Errors, e => e.Field == "budget.trial_timeout");
        Assert.Contains("above 0 and at most 604800", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_NoTrialTimeout_WritesNoField()
    {
        var yaml = "name: s\nobjective: {metric: loss}\nspace: {kind: nb201}\nalgorithm: {name: random}\ntrainer: {kind: synthetic}\nbudget: {max_trials: 7}\n";

        var json = StudySpecJson.Serialize(StudySpecParser.ParseYaml(yaml));

        Assert.DoesNotContain("trial_timeout", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(30, 3)]
    [InlineData(50, 5)]
    [InlineData(1000, 100)]
    public void ParseYaml_MaxFailedTrialsLeftOut_IsTenPercentOfMaxTrialsAtLeastThree(int maxTrials, int expected)
    {
        var yaml = $"name: s\nobjective: {{metric: loss}}\nspace: {{kind: nb201}}\nalgorithm: {{name: random}}\ntrainer: {{kind: synthetic}}\nbudget: {{max_trials: {maxTrials}}}\n";

        Assert.Equal(expected, StudySpecParser.ParseYaml(yaml).Budget.MaxFailedTrials);
    }

    [Fact]
    public void ParseYaml_DecisionsWithoutKind_IsCustomSpace()
    {
        var yaml = Yaml(
            space: "space:\n  decisions:\n    - {name: optimizer, type: categorical, values: [sgd, adam]}\n    - {name: momentum, type: float, min: 0, max: 0.99, when: {optimizer: sgd}}",
            trainer: "trainer: {kind: synthetic}");

        var spec = StudySpecParser.ParseYaml(yaml, Catalog);

        Assert.Equal("custom", spec.Space.Kind);
        Assert.Equal(["sgd"], spec.Space.Decisions[1].When!["optimizer"]);
    }

    [Fact]
    public void ParseYaml_UnknownKeyNearKnownOne_SuggestsTheKnownKey()
    {
        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(Yaml(budget: "budget:\n  max_trial: 100"), Catalog));

        var error = Assert.Single(e.Errors, x => x.Field == "budget.max_trial");
        Assert.Equal("unknown key; did you mean 'max_trials'? known keys of budget: max_trials, parallel_trials, max_failed_trials, trial_timeout (line 17)", error.Message);
    }

    [Fact]
    public void ParseYaml_SectionGivenAsText_ShowsTheMappingToWrite()
    {
        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(Yaml(trainer: "trainer: synthetic"), Catalog));

        var error = Assert.Single(e.Errors);
        Assert.Equal("trainer", error.Field);
        Assert.Equal("expected a mapping of keys kind, parameters, got the text 'synthetic'; write trainer: {kind: synthetic} (line 14)", error.Message);
    }

    [Fact]
    public void ParseYaml_UnclosedBracket_ReportsLineAndColumn()
    {
        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml("name: x\nspace:\n  kind: [nb201\nbudget:\n  max_trials: 1\n"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("yaml", error.Field);
        Assert.Contains("the '[' opened at line 3, column 9 is not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseYaml_BadIndentation_ReportsLineAndColumn()
    {
        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml("name: x\nbudget:\n  max_trials: 1\n parallel_trials: 2\n"));

        Assert.StartsWith("syntax error at line 4, column 2", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseYaml_DuplicateKey_ReportsIt()
    {
        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(Yaml() + "name: again\n", Catalog));

        Assert.Contains("Duplicate key", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseYaml_EmptyText_SaysTheSpecIsEmpty()
    {
        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml("# nothing here\n"));

        Assert.Equal("spec", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void ParseJson_SyntaxError_ReportsLineAndColumn()
    {
        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseJson("{\n  \"name\": \"x\",\n  \"budget\": {\"max_trials\": }\n}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("json", error.Field);
        Assert.StartsWith("syntax error at line 3, column 28", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseJson_StringWhereNumberBelongs_NamesFieldAndExpectedType()
    {
        var json = Json.Replace("\"max_trials\": 100", "\"max_trials\": \"100\"", StringComparison.Ordinal);

        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseJson(json, Catalog));

        var error = Assert.Single(e.Errors);
        Assert.Equal("budget.max_trials", error.Field);
        Assert.Equal("expected a whole number, got the text '100' (write numbers without quotes)", error.Message);
    }

    [Fact]
    public void ParseJson_DuplicateKey_ReportsIt()
    {
        var json = Json.Replace("\"max_trials\": 100", "\"max_trials\": 100, \"max_trials\": 50", StringComparison.Ordinal);

        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseJson(json, Catalog));

        Assert.Equal(new SpecError("budget.max_trials", "given twice; keep one"), Assert.Single(e.Errors));
    }

    [Fact]
    public void Parse_JsonFileNameOrBrace_ChoosesJson()
    {
        Assert.Equal("test-study", StudySpecParser.Parse(Json, "spec.json", Catalog).Name);
        Assert.Equal("test-study", StudySpecParser.Parse(Json, null, Catalog).Name);
        Assert.Equal("test-study", StudySpecParser.Parse(Yaml(), "spec.yml", Catalog).Name);
    }

    [Fact]
    public void ParseFile_MissingFile_SaysSo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseFile(path));

        Assert.Equal(path, e.FileName);
        Assert.Equal("file", Assert.Single(e.Errors).Field);
        Assert.Contains("no such file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseFileAsync_YamlFile_ParsesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spec-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, Yaml());
        try
        {
            var spec = await StudySpecParser.ParseFileAsync(path, Catalog, CancellationToken.None);

            Assert.Equal("test-study", spec.Name);
            Assert.Equal(spec, StudySpecParser.ParseFile(path, Catalog), StudySpecComparer.Instance);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ParseYaml_KindParametersAsScalarsAndLists_StoresInvariantText()
    {
        var yaml = Yaml(space: "space:\n  kind: mlp\n  parameters: {max_layers: 2, widths: [4, 8]}", trainer: "trainer:\n  kind: synthetic\n  parameters: {failure_rate: 0.25, salt: True}", budget: "budget: {max_trials: 6}");

        var spec = StudySpecParser.ParseYaml(yaml, Catalog);

        Assert.Equal("2", spec.Space.Parameters["max_layers"]);
        Assert.Equal("4,8", spec.Space.Parameters["widths"]);
        Assert.Equal("0.25", spec.Trainer.Parameters["failure_rate"]);
        Assert.Equal("true", spec.Trainer.Parameters["salt"]);
    }

    [Fact]
    public void ParseYaml_DefaultCatalog_KnowsSyntheticTrainer()
    {
        var yaml = Yaml(trainer: "trainer:\n  kind: synthetic");

        Assert.Equal("synthetic", StudySpecParser.ParseYaml(yaml).Trainer.Kind);
        Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(Yaml(trainer: "trainer:\n  kind: synthetic"), new TrainerCatalog([])));
    }
}
