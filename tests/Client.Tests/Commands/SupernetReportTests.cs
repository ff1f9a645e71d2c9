using NasOrleans.Client.Commands;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Client.Tests.Commands;

public class SupernetReportTests
{
    [Fact]
    public void Jaccard_TwoPathsSharingTwoOfFourNodes_IsOneHalfOffTheDiagonal()
    {
        var report = new SupernetReport(SupernetStudies.Study(SupernetStudies.Spec("j")));

        Assert.Equal(1.0, report.Jaccard[0, 0]);
        Assert.Equal(0.5, report.Jaccard[0, 1], 12);
        Assert.Equal(0.5, report.Jaccard[1, 0], 12);
        Assert.Equal(1.0, report.Jaccard[1, 1]);
    }

    [Fact]
    public void Sharing_TwoPathsDifferingInStageTwo_SharesStageOneOnly()
    {
        var report = new SupernetReport(SupernetStudies.Study(SupernetStudies.Spec("s")));

        Assert.Equal(
            [("s1b0", 1, 1, 1.0), ("s1b1", 1, 1, 1.0), ("s2b0", 2, 0, 0.0), ("s2b1", 0, 0, 0.0)],
            report.Sharing);
    }

    [Fact]
    public void Describe_PathA_ListsEachStagesDepthOpAndWidth()
    {
        var study = SupernetStudies.Study(SupernetStudies.Spec("d"));

        Assert.Equal("s1 2x fused_ibn k3 e1 w8; s2 1x fused_ibn k3 e1 w16", SupernetReport.Describe(study.Space, Architecture.FromKey(SupernetStudies.PathA)));
        Assert.Equal("s1 2x fused_ibn k3 e1 w16; s2 skip", SupernetReport.Describe(study.Space, Architecture.FromKey("2,0,0,0,1,0,-,-,-,-")));
    }

    [Fact]
    public void Constructor_CompareOfOtherDomains_ThrowsInvalidInputNamingBoth()
    {
        var study = SupernetStudies.Study(SupernetStudies.Spec("one"));
        var other = SupernetStudies.Study(SupernetStudies.Spec("two", domains: ["a", "c"]));

        var e = Assert.Throws<CliException>(() => new SupernetReport(study, other));

        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("a, c", e.Message, StringComparison.Ordinal);
        Assert.Contains("a, b", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CompareOfOtherSpace_ThrowsInvalidInput()
    {
        var study = SupernetStudies.Study(SupernetStudies.Spec("one"));
        var wider = SupernetStudies.Space.Replace("\"8,16\"", "\"8,32\"", StringComparison.Ordinal);
        var other = SupernetStudies.Study(SupernetStudies.Spec("two", space: wider));

        var e = Assert.Throws<CliException>(() => new SupernetReport(study, other));

        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("another space", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LossCombination_AbdpOnAndOff_NamesTheTemperatureOrThePlainSum()
    {
        Assert.Equal("ABDP w=2", SupernetStudies.Study(SupernetStudies.Spec("on")).LossCombination);
        Assert.Equal("plain sum", SupernetStudies.Study(SupernetStudies.Spec("off", abdp: false)).LossCombination);
    }

    [Fact]
    public void Last_SyntheticCurve_IsTheLastCheckpointsValue()
    {
        var study = SupernetStudies.Study(SupernetStudies.Spec("l"));

        Assert.Equal(1.5, SupernetReport.Last(study, "a", "train_loss"), 12);
        Assert.Equal(1.7, SupernetReport.Last(study, "b", "train_loss"), 12);
        Assert.True(double.IsNaN(SupernetReport.Last(study, "b", "test_accuracy")));
    }

    [Fact]
    public void ReportedMetrics_FinalMetricsWithTestAccuracyAndUniqueParams_ListsOnlyThoseReported()
    {
        var metrics = new Dictionary<string, double> { ["a.test_accuracy"] = 81, ["unique_params"] = 12_000, ["steps"] = 30, ["a.train_loss"] = 1 };
        var report = new SupernetReport(SupernetStudies.Study(SupernetStudies.Spec("m"), metrics));

        Assert.Equal(["test_accuracy"], report.ReportedDomainMetrics);
        Assert.Equal(["unique_params", "steps"], report.ReportedStudyMetrics);
    }
}
