using NasOrleans.Client.Commands;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Training.Supernets.MultiPath;

namespace NasOrleans.Client.Tests.Commands;

public class MpnasBenchSummaryTests
{
    private static readonly SearchSpace Space = SpaceCatalog.Create(new SpaceSpec(
        "mobile-cnn", new Dictionary<string, string> { ["stages"] = "2", ["max_depth"] = "1", ["blocks"] = "fused_ibn", ["kernels"] = "3,5", ["expansions"] = "1", ["widths"] = "8" }, []));

    private static readonly string[] Domains = ["a", "b"];

    [Fact]
    public void Markdown_AbdpSharingHalfTheBundle_MeetsTheGoalsAndShowsTheJaccardOfItsPaths()
    {
        var shared = Path("3", "3");
        var text = MpnasBenchSummary.Markdown(Space, Domains,
        [
            Row(MpnasRow.Bundle, 1, 1000, [80, 70], [Path("3", "5"), Path("5", "5")]),
            Row(MpnasRow.PlainSum, 1, 600, [85, 60], [shared, shared]),
            Row(MpnasRow.Abdp, 1, 500, [82, 75], [shared, Path("3", "5")]),
        ]);

        Assert.Contains("| MPNAS, ABDP | 1 | 500 | 2.00 | 0.50 |", text, StringComparison.Ordinal);
        Assert.Contains("parameters / bundle parameters: **0.50** (goal ≤ 0.5: met)", text, StringComparison.Ordinal);
        Assert.Contains("mean test accuracy − bundle's: **+3.50 points** (goal ≥ 0: met)", text, StringComparison.Ordinal);
        Assert.Contains("worst domain: **+15.00 points** (goal > 0: met)", text, StringComparison.Ordinal);
        Assert.Contains("| a | 1.00 | 0.33 |", text, StringComparison.Ordinal);
        Assert.Contains("| s1b0 | 1 | 1 | 1.00 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_AbdpAboveHalfTheBundleAndWorseOnAverage_SaysTheGoalsAreNotMet()
    {
        var text = MpnasBenchSummary.Markdown(Space, Domains,
        [
            Row(MpnasRow.Bundle, 1, 1000, [80, 70], [Path("3", "5"), Path("5", "5")]),
            Row(MpnasRow.Abdp, 1, 900, [70, 70], [Path("3", "3"), Path("5", "3")]),
            Row(MpnasRow.Abdp, 2, 700, [72, 66], [Path("3", "3"), Path("5", "3")]),
        ]);

        Assert.Contains("| MPNAS, ABDP | 2 | 800 |", text, StringComparison.Ordinal);
        Assert.Contains("**0.80** (goal ≤ 0.5: not met)", text, StringComparison.Ordinal);
        Assert.Contains("**-5.50 points** (goal ≥ 0: not met)", text, StringComparison.Ordinal);
        Assert.Contains("71.00 ± 1.41", text, StringComparison.Ordinal);
        Assert.DoesNotContain("worst domain:", text, StringComparison.Ordinal);
    }

    private static string Path(string kernel1, string kernel2) => Space.FromDescription(new Dictionary<string, string>
    {
        ["s1_depth"] = "1", ["s1_block"] = "fused_ibn", ["s1_kernel"] = kernel1, ["s1_expansion"] = "1", ["s1_width"] = "8",
        ["s2_depth"] = "1", ["s2_block"] = "fused_ibn", ["s2_kernel"] = kernel2, ["s2_expansion"] = "1", ["s2_width"] = "8",
    }).Key;

    private static MpnasRowResult Row(MpnasRow row, ulong seed, long unique, double[] accuracy, string[] paths) => new(
        row,
        seed,
        paths,
        [.. accuracy.Select((a, d) => new MultiPathDomainResult(Domains[d], a, a, unique / 2, 1e6))],
        unique,
        [],
        [],
        1,
        1,
        [0, 0]);
}
