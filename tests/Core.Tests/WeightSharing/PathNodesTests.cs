using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Core.Tests.WeightSharing;

public class PathNodesTests
{
    private static readonly SearchSpace Space = SpaceCatalog.Create(new SpaceSpec(
        "mobile-cnn",
        new Dictionary<string, string> { ["stages"] = "2", ["max_depth"] = "2", ["blocks"] = "fused_ibn,dw_ibn", ["kernels"] = "3,5", ["expansions"] = "1,2", ["widths"] = "8,16" },
        []));

    [Fact]
    public void Of_PathWithASkippedStage_ListsEachBlockOfThePresentStagesWithItsOp()
    {
        var nodes = PathNodes.Of(Space, Path("2 dw_ibn 5 2 16", "0"));

        Assert.Equal(["s1b0/dw_ibn_k5_e2", "s1b1/dw_ibn_k5_e2"], nodes.Select(n => n.ToString()));
    }

    [Fact]
    public void Jaccard_PathsSharingOneOfThreeNodes_IsOneThird()
    {
        var a = PathNodes.Of(Space, Path("1 fused_ibn 3 1 8", "1 fused_ibn 3 1 16"));
        var b = PathNodes.Of(Space, Path("1 fused_ibn 3 1 16", "1 dw_ibn 3 1 16"));

        Assert.Equal(1.0 / 3, PathNodes.Jaccard([.. a], [.. b]), 12);
        Assert.Equal(1.0, PathNodes.Jaccard([.. a], [.. a]));
    }

    [Fact]
    public void SharingByLayer_TwoDomainsSharingStageOne_ReportsEveryLayerOfTheSpace()
    {
        var paths = new[] { Path("2 fused_ibn 3 1 8", "1 fused_ibn 3 1 16"), Path("2 fused_ibn 3 1 16", "1 dw_ibn 5 2 16") }
            .Select(p => PathNodes.Of(Space, p)).ToList();

        var sharing = PathNodes.SharingByLayer(Space, paths);

        Assert.Equal(["s1b0", "s1b1", "s2b0", "s2b1"], sharing.Select(s => s.Layer));
        Assert.Equal([(1, 1), (1, 1), (2, 0), (0, 0)], sharing.Select(s => (s.Nodes, s.Shared)));
        Assert.Equal([1.0, 1.0, 0.0, 0.0], sharing.Select(s => s.SharedFraction));
    }

    [Fact]
    public void Of_SpaceOfAnotherKind_ThrowsNamingTheKinds()
    {
        var mlp = SpaceCatalog.Create(new SpaceSpec("mlp", new Dictionary<string, string>(), []));

        var error = Assert.Throws<ArgumentException>(() => PathNodes.Of(mlp, mlp.Sample(new NasOrleans.Core.Randomness.DeterministicRandom(1))));
        Assert.Contains("'mobile-cnn'", error.Message, StringComparison.Ordinal);
    }

    private static Architecture Path(params string[] stages)
    {
        var description = new Dictionary<string, string>();
        for (var s = 0; s < stages.Length; s++)
        {
            var parts = stages[s].Split(' ');
            description[$"s{s + 1}_depth"] = parts[0];
            if (parts[0] != "0")
            {
                (description[$"s{s + 1}_block"], description[$"s{s + 1}_kernel"], description[$"s{s + 1}_expansion"], description[$"s{s + 1}_width"]) = (parts[1], parts[2], parts[3], parts[4]);
            }
        }

        return Space.FromDescription(description);
    }
}
