using NasOrleans.Core.Nb201;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;

namespace NasOrleans.Core.Tests.Spaces;

public class SpaceCatalogTests
{
    private static readonly Dictionary<string, string> None = [];

    [Fact]
    public void Kinds_Always_ListsTheBuiltInKindsAndCustom()
    {
        Assert.Equal(["nb201", "mlp", "mobile-cnn", "gridworld", "custom"], SpaceCatalog.Kinds);
    }

    [Fact]
    public void Create_Nb201_ReturnsTheBenchmarkSpaceOf15625Cells()
    {
        var space = SpaceCatalog.Create(new SpaceSpec("nb201", None, []));

        Assert.Same(Nb201Space.Instance, space);
        Assert.Equal(15625, space.Cardinality);
    }

    [Fact]
    public void Create_MlpDefaults_HasLayersThenThreeConditionalWidths()
    {
        var space = SpaceCatalog.Create(new SpaceSpec("mlp", None, []));

        Assert.Equal(["layers", "width_1", "width_2", "width_3"], space.Decisions.Select(d => d.Name));
        Assert.Equal(["8", "16", "32", "64", "128", "256", "512"], space.Decisions[1].Choices);
        Assert.Null(space.Decisions[1].Condition);
        Assert.Equal(new[] { "3" }, space.Decisions[3].Condition!.Values);
        Assert.Equal(7 + (7 * 7) + (7 * 7 * 7), space.Cardinality);
    }

    [Fact]
    public void Create_MlpWithTwoLayers_LeavesWidth3Inactive()
    {
        var space = SpaceCatalog.Create(new SpaceSpec("mlp", None, []));

        var architecture = space.FromDescription(new Dictionary<string, string> { ["layers"] = "2", ["width_1"] = "64", ["width_2"] = "8" });

        Assert.True(space.IsActive(space.IndexOf("width_2"), architecture.Values));
        Assert.False(space.IsActive(space.IndexOf("width_3"), architecture.Values));
        Assert.True(double.IsNaN(architecture[space.IndexOf("width_3")]));
        Assert.Equal("layers=2 width_1=64 width_2=8", space.Display(architecture));
    }

    [Fact]
    public void Create_MlpSamples_HaveExactlyOneWidthPerLayer()
    {
        var space = SpaceCatalog.Create(new SpaceSpec("mlp", new Dictionary<string, string> { ["max_layers"] = "5", ["widths"] = "4, 8" }, []));
        var random = new DeterministicRandom(7);

        for (var i = 0; i < 200; i++)
        {
            var description = space.Describe(space.Sample(random));
            var layers = int.Parse(description["layers"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(layers, description.Keys.Count(k => k.StartsWith("width_", StringComparison.Ordinal)));
            Assert.All(description.Where(p => p.Key != "layers"), p => Assert.Contains(p.Value, new[] { "4", "8" }));
        }
    }

    [Fact]
    public void Create_MobileCnn_HasFiveDecisionsPerStage()
    {
        var four = SpaceCatalog.Create(new SpaceSpec("mobile-cnn", None, []));
        var two = SpaceCatalog.Create(new SpaceSpec("mobile-cnn", new Dictionary<string, string> { ["stages"] = "2" }, []));

        Assert.Equal(20, four.Decisions.Count);
        Assert.Equal(["s1_depth", "s1_block", "s1_kernel", "s1_expansion", "s1_width", "s2_depth", "s2_block", "s2_kernel", "s2_expansion", "s2_width"], two.Decisions.Select(d => d.Name));
        Assert.Equal(["dw_ibn", "fused_ibn", "group_ibn"], two.Decisions[1].Choices);
        var one = SpaceCatalog.Create(new SpaceSpec("mobile-cnn", new Dictionary<string, string> { ["stages"] = "1" }, []));
        Assert.Equal(1 + (3 * 3 * 2 * 3 * 7), one.Cardinality);
        Assert.Null(four.Cardinality);
    }

    [Fact]
    public void Create_MobileCnnSkippedStage_LeavesItsChoicesInactive()
    {
        var space = SpaceCatalog.Create(new SpaceSpec("mobile-cnn", new Dictionary<string, string> { ["stages"] = "1" }, []));

        var skipped = space.FromDescription(new Dictionary<string, string> { ["s1_depth"] = "0" });

        Assert.Equal("s1_depth=0", space.Display(skipped));
    }

    [Fact]
    public void Create_CustomSpaceWithConditionalDecision_ActivatesItOnlyForTheParentValue()
    {
        DecisionSpec[] decisions =
        [
            new("optimizer", "categorical", Values: ["sgd", "adam"]),
            new("momentum", "float", Min: 0, Max: 0.99, When: new Dictionary<string, IReadOnlyList<string>> { ["optimizer"] = ["sgd"] }),
            new("batch", "integer", Min: 16, Max: 64, Step: 16),
        ];

        var space = SpaceCatalog.Create(new SpaceSpec("custom", None, decisions));

        var adam = space.FromDescription(new Dictionary<string, string> { ["optimizer"] = "adam", ["batch"] = "32" });
        var sgd = space.FromDescription(new Dictionary<string, string> { ["optimizer"] = "sgd", ["momentum"] = "0.9", ["batch"] = "48" });
        Assert.Equal("custom", space.Kind);
        Assert.Equal(new DecisionCondition("optimizer", ["sgd"]).Parent, space.Decisions[1].Condition!.Parent);
        Assert.False(space.IsActive(1, adam.Values));
        Assert.True(space.IsActive(1, sgd.Values));
        Assert.Equal(4, space.Decisions[2].Cardinality);
        Assert.Null(space.Cardinality);
    }

    [Fact]
    public void Create_DecisionsWithoutKind_BuildsACustomSpace()
    {
        var space = SpaceCatalog.Create(new SpaceSpec(null, None, [new DecisionSpec("a", "integer", Min: 1, Max: 3)]));

        Assert.Equal("custom", space.Kind);
        Assert.Equal(3, space.Cardinality);
    }

    [Fact]
    public void Create_InvalidSpace_ThrowsWithFieldPaths()
    {
        var spec = new SpaceSpec("custom", None, [new DecisionSpec("a", "integer", Min: 3, Max: 1), new DecisionSpec("a", "categorical")]);

        var e = Assert.Throws<SpecValidationException>(() => SpaceCatalog.Create(spec));

        Assert.Equal(["space.decisions[0].min", "space.decisions[1].name", "space.decisions[1].values"], e.Errors.Select(x => x.Field));
    }

    [Fact]
    public void Validate_DecisionDependingOnALaterOne_SaysToMoveIt()
    {
        var spec = new SpaceSpec("custom", None,
        [
            new DecisionSpec("b", "categorical", Values: ["x"], When: new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["1"] }),
            new DecisionSpec("a", "integer", Min: 1, Max: 2),
        ]);

        var error = Assert.Single(SpaceCatalog.Validate(spec));

        Assert.Equal("space.decisions[0].when.a", error.Field);
        Assert.Contains("move this decision below 'a'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mlp", "max_layers", "0", "0 is below the minimum 1")]
    [InlineData("mlp", "widths", "8,8", "8 is listed twice")]
    [InlineData("mobile-cnn", "stages", "8", "8 is above the maximum 7")]
    [InlineData("nb201", "cells", "5", "space kind 'nb201' takes no parameters")]
    public void ValidateParameters_InvalidValue_NamesTheParameter(string kind, string name, string value, string fragment)
    {
        var error = Assert.Single(SpaceCatalog.ValidateParameters(kind, new Dictionary<string, string> { [name] = value }));

        Assert.Equal($"space.parameters.{name}", error.Field);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateParameters_UnknownKind_ListsTheKinds()
    {
        var error = Assert.Single(SpaceCatalog.ValidateParameters("mobilecnn", null));

        Assert.Equal("space.kind", error.Field);
        Assert.Equal("unknown kind 'mobilecnn'; did you mean 'mobile-cnn'? known: nb201, mlp, mobile-cnn, gridworld, custom", error.Message);
    }
}
