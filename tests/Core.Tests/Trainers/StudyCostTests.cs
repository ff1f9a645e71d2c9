using NasOrleans.Core.Nb201;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Tests.Nb201;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Tests.Trainers;

public class StudyCostTests
{
    private static StudySpecBuilder Nb201(string algorithm, params (string Name, string Value)[] parameters) =>
        new StudySpecBuilder("cost")
            .Maximize("validation_accuracy")
            .WithSpace("nb201")
            .WithAlgorithm(algorithm, 1, parameters)
            .WithTrainer("nb201-replay")
            .WithBudget(10);

    private static TrainerEnvironment Environment => new(Nb201TestData.SharedFolder, TimeProvider.System);

    [Fact]
    public void Choose_ConstraintOnAMetricKnownBeforeTraining_PicksItWithItsSmallestMax()
    {
        var spec = Nb201("tabnas")
            .AddConstraint("test_accuracy", min: 50)
            .AddConstraint("latency_pixel3_ms", max: 12)
            .AddConstraint("latency_pixel3_ms", max: 10)
            .Build();

        var (metric, limit) = StudyCost.Choose(spec, Nb201ReplayTrainer.Descriptor);

        Assert.Equal("latency_pixel3_ms", metric);
        Assert.Equal(10, limit);
    }

    [Fact]
    public void Choose_CostMetricParameter_OverridesTheConstraintsAndTakesTheirLimitOnIt()
    {
        var spec = Nb201("reinforce", ("cost_metric", "flops"), ("reward_shaping", "mnas"), ("cost_target", "100"))
            .AddConstraint("params", max: 1)
            .Build();

        Assert.Equal(("flops", (double?)null), StudyCost.Choose(spec, Nb201ReplayTrainer.Descriptor));
    }

    [Fact]
    public void Choose_OnlyConstraintsOnTrainedMetrics_HasNoCost()
    {
        var spec = Nb201("layernas").AddConstraint("test_accuracy", max: 99).Build();

        Assert.Equal(((string?)null, (double?)null), StudyCost.Choose(spec, Nb201ReplayTrainer.Descriptor));
    }

    [Fact]
    public void CreateContext_LatencyConstraint_ReadsTheTableColumnAndTheLimit()
    {
        var spec = Nb201("tabnas").AddConstraint("latency_pixel3_ms", max: 10).Build();
        var space = SpaceCatalog.Create(spec.Space);
        var architecture = space.Sample(new DeterministicRandom(4));

        var context = StudyCost.CreateContext(spec, TrainerCatalog.Default, space, Environment);

        Assert.Equal(10, context.CostLimit);
        Assert.Equal(Nb201TestData.Table.Get(architecture).Value("lat_pixel3"), context.Cost!(architecture));
    }

    [Fact]
    public void CreateContext_FlopsOfTheTrainersDataset_EqualTheCostModel()
    {
        var spec = Nb201("layernas").WithTrainer("nb201-replay", ("dataset", "cifar100")).AddConstraint("flops", max: 100).Build();
        var space = SpaceCatalog.Create(spec.Space);
        var architecture = space.Sample(new DeterministicRandom(9));

        var context = StudyCost.CreateContext(spec, TrainerCatalog.Default, space, Environment);

        Assert.Equal(Nb201CostModel.Compute(architecture, Nb201Dataset.Get("cifar100")).Flops, context.Cost!(architecture));
    }

    [Fact]
    public void CreateContext_AlgorithmWithoutContext_IsEmpty()
    {
        var spec = Nb201("evolution").AddConstraint("flops", max: 100).Build();

        var context = StudyCost.CreateContext(spec, TrainerCatalog.Default, SpaceCatalog.Create(spec.Space), Environment);

        Assert.Same(StrategyContext.Empty, context);
    }

    [Fact]
    public void Validate_CostMetricTheTrainerCannotCompute_NamesTheParameterAndTheChoices()
    {
        var builder = Nb201("tabnas", ("cost_metric", "test_accuracy"));

        var error = Assert.Single(Assert.Throws<SpecValidationException>(() => builder.Build()).Errors, e => e.Field == "algorithm.parameters.cost_metric");

        Assert.Contains("cannot compute 'test_accuracy' before training", error.Message, StringComparison.Ordinal);
        Assert.Contains("latency_ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RewardShapingWithoutACost_AsksForCostMetricOrAConstraint()
    {
        var builder = Nb201("ppo", ("reward_shaping", "tunas"));

        var error = Assert.Single(Assert.Throws<SpecValidationException>(() => builder.Build()).Errors, e => e.Field == "algorithm.parameters.reward_shaping");

        Assert.Contains("set cost_metric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RewardShapingWithAConstraintOnACost_IsValid()
    {
        var spec = Nb201("reinforce", ("reward_shaping", "mnas"), ("cost_target", "8")).AddConstraint("latency_ms", max: 12).Build();

        Assert.Empty(StudySpecValidator.Validate(spec, TrainerCatalog.Default));
    }

    [Fact]
    public void Validate_TabnasWithoutACost_AsksForAConstraintWithAMax()
    {
        var builder = Nb201("tabnas").AddConstraint("test_accuracy", max: 99);

        var error = Assert.Single(Assert.Throws<SpecValidationException>(() => builder.Build()).Errors);

        Assert.Equal("constraints", error.Field);
        Assert.Contains("searches under a cost limit", error.Message, StringComparison.Ordinal);
    }
}
