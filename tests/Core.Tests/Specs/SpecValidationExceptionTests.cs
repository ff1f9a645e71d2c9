using NasOrleans.Core.Specs;

namespace NasOrleans.Core.Tests.Specs;

public class SpecValidationExceptionTests
{
    [Fact]
    public void Message_SeveralErrors_ListsOnePerLineAsFieldColonProblem()
    {
        SpecError[] errors =
        [
            new("budget.parallel_trials", "0 is not allowed; use a whole number from 1 to max_trials (100)"),
            new("name", "missing"),
        ];

        var e = new SpecValidationException(errors, "study.yaml");

        Assert.Equal(
            ["The study spec 'study.yaml' has 2 problems:", "budget.parallel_trials: 0 is not allowed; use a whole number from 1 to max_trials (100)", "name: missing"],
            e.Message.Split(Environment.NewLine));
        Assert.Equal(errors, e.Errors);
    }

    [Fact]
    public void Message_ParsedSpecWithZeroParallelTrials_GivesTheFix()
    {
        var yaml = SpecSamples.Yaml(budget: "budget:\n  max_trials: 100\n  parallel_trials: 0");

        var e = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(yaml, SpecSamples.Catalog));

        Assert.Contains("budget.parallel_trials: 0 is not allowed; use a whole number from 1 to max_trials (100)", e.Message, StringComparison.Ordinal);
    }
}
