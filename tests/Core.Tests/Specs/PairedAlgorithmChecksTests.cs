using NasOrleans.Core.Paired;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Tests.Specs;

public sealed class PairedAlgorithmChecksTests
{
    private static readonly TrainerDescriptor PairedTrainer = new(
        PairedAlgorithms.TrainerKind,
        "A test stand-in for the paired trainer (its metrics).",
        [],
        ["heldout_solved_rate", "regret"],
        ["gridworld"],
        (_, _, _) => throw new NotSupportedException());

    private static readonly TrainerCatalog Catalog = new([SyntheticTrainer.Descriptor, PairedTrainer]);

    private static string Spec(
        string algorithm = "paired",
        string space = "space:\n  kind: gridworld\n  parameters: {size: mini, walls: 7}",
        string trainer = "trainer:\n  kind: paired",
        string budget = "budget:\n  max_trials: 10\n  parallel_trials: 1",
        string parameters = "{}") =>
        $"name: env-design\nobjective:\n  metric: heldout_solved_rate\n  goal: maximize\n{space}\nalgorithm:\n  name: {algorithm}\n  seed: 1\n  parameters: {parameters}\n{trainer}\n{budget}\n";

    private static IReadOnlyList<SpecError> Errors(string yaml) =>
        Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(yaml, Catalog)).Errors;

    [Theory]
    [InlineData("paired")]
    [InlineData("minimax")]
    [InlineData("domain-randomization")]
    public void Check_EachMethodOnAGridworld_IsValid(string algorithm)
    {
        var spec = StudySpecParser.ParseYaml(Spec(algorithm), Catalog);

        Assert.Equal(algorithm, spec.Algorithm.Name);
        Assert.Equal((GridSize.Mini, 7), PairedSpace.Resolve(spec.Space));
    }

    [Fact]
    public void Check_PairedOnMobileCnn_NamesTheGridworld()
    {
        var errors = Errors(Spec(space: "space:\n  kind: mobile-cnn"));

        Assert.Contains(errors, e => e.Field == "space.kind" && e.Message.Contains("use space.kind: gridworld", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_GridworldSearchedByEvolution_NamesTheEnvironmentDesignMethods()
    {
        var errors = Errors(Spec(algorithm: "evolution", parameters: "{population_size: 4, sample_size: 2}"));

        Assert.Contains(errors, e => e.Field == "algorithm.name" && e.Message.Contains("paired, minimax or domain-randomization", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SyntheticTrainer_AsksForThePairedTrainer()
    {
        var errors = Errors(Spec(trainer: "trainer:\n  kind: synthetic"));

        Assert.Contains(errors, e => e.Field == "trainer.kind" && e.Message.Contains("use trainer.kind: paired", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ParallelRounds_AreRefused()
    {
        var errors = Errors(Spec(budget: "budget:\n  max_trials: 10\n  parallel_trials: 2"));

        Assert.Contains(errors, e => e.Field == "budget.parallel_trials" && e.Message.Contains("use parallel_trials: 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MoreWallsThanTheGridHolds_NamesTheLimit()
    {
        var errors = Errors(Spec(space: "space:\n  kind: gridworld\n  parameters: {size: mini, walls: 15}"));

        Assert.Contains(errors, e => e.Field == "space.parameters.walls" && e.Message.Contains("use at most 14", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MoreMinibatchesThanEnvironments_IsRefused()
    {
        var errors = Errors(Spec(parameters: "{envs: 4, minibatches: 8}"));

        Assert.Contains(errors, e => e.Field == "algorithm.parameters.minibatches");
    }

    [Fact]
    public void Resolve_WallsZero_TakesTheSizesBudget()
    {
        var spec = StudySpecParser.ParseYaml(Spec(space: "space:\n  kind: gridworld\n  parameters: {size: full}"), Catalog);

        Assert.Equal((GridSize.Full, 50), PairedSpace.Resolve(spec.Space));
    }
}
