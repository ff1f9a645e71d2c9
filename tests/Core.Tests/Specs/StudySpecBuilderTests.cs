using NasOrleans.Core.Specs;
using static NasOrleans.Core.Tests.Specs.SpecSamples;

namespace NasOrleans.Core.Tests.Specs;

public class StudySpecBuilderTests
{
    [Fact]
    public void Build_SameSpecAsYaml_HasTheSameCanonicalJson()
    {
        var built = new StudySpecBuilder("test-study")
            .Maximize("validation_accuracy")
            .AddConstraint("params", max: 1.5)
            .WithSpace("nb201")
            .WithAlgorithm("evolution", seed: 42, ("population_size", "10"), ("sample_size", "3"))
            .WithTrainer("replay-test")
            .WithBudget(100, parallel: 4)
            .Build(Catalog);

        Assert.Equal(StudySpecJson.Serialize(StudySpecParser.ParseYaml(Yaml(), Catalog)), StudySpecJson.Serialize(built));
    }

    [Fact]
    public void Build_WithDomains_HasTheSameCanonicalJsonAsYaml()
    {
        var built = new StudySpecBuilder("test-study")
            .Maximize("validation_accuracy")
            .AddConstraint("params", max: 1.5)
            .WithSpace("nb201")
            .WithAlgorithm("evolution", seed: 42, ("population_size", "10"), ("sample_size", "3"))
            .WithTrainer("replay-test")
            .WithBudget(100, parallel: 4)
            .AddDomain(new DomainSpec("a", "mnist"))
            .AddDomain(new DomainSpec("b", "rotated90:mnist", BatchSize: 32))
            .Build(Catalog);

        var yaml = Yaml() + "domains:\n  - {name: a, dataset: mnist}\n  - {name: b, dataset: 'rotated90:mnist', batch_size: 32}\n";
        Assert.Equal(StudySpecJson.Serialize(StudySpecParser.ParseYaml(yaml, Catalog)), StudySpecJson.Serialize(built));
    }

    [Fact]
    public void Build_CustomDecisions_MakesACustomSpace()
    {
        var spec = new StudySpecBuilder("custom")
            .Minimize("loss")
            .AddCategorical("optimizer", ["sgd", "adam"])
            .AddFloat("momentum", 0, 0.99, when: ("optimizer", ["sgd"]))
            .AddInteger("batch_log2", 4, 9)
            .WithAlgorithm("random")
            .WithTrainer("synthetic")
            .WithBudget(20, maxFailed: 2)
            .Build();

        Assert.Equal("custom", spec.Space.Kind);
        Assert.Equal(3, spec.Space.Decisions.Count);
        Assert.Equal(ObjectiveGoal.Minimize, spec.Objective.Goal);
        Assert.Equal(new BudgetSpec(20, 1, 2), spec.Budget);
    }

    [Fact]
    public void Build_MaxFailedLeftOut_IsTheParserDefault()
    {
        var spec = new StudySpecBuilder("defaults").Maximize("validation_accuracy").WithSpace("nb201").WithAlgorithm("random").WithTrainer("synthetic").WithBudget(200).Build();

        Assert.Equal(20, spec.Budget.MaxFailedTrials);
    }

    [Fact]
    public void Build_InvalidSpec_ThrowsListingEveryProblem()
    {
        var builder = new StudySpecBuilder("Bad Name")
            .Maximize("validation_accuracy")
            .WithSpace("nb201")
            .WithAlgorithm("evolution", seed: 1, ("population_size", "2"), ("sample_size", "3"))
            .WithTrainer("synthetic");

        var e = Assert.Throws<SpecValidationException>(() => builder.Build());

        Assert.Equal(["name", "algorithm.parameters.sample_size", "budget.max_trials"], e.Errors.Select(x => x.Field));
    }
}
