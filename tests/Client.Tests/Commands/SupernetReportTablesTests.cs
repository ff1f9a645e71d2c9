using NasOrleans.Client.Commands;

namespace NasOrleans.Client.Tests.Commands;

public class SupernetReportTablesTests
{
    [Fact]
    public void Jaccard_TwoKnownPaths_WritesTheMatrixWithDomainNames()
    {
        var report = new SupernetReport(SupernetStudies.Study(SupernetStudies.Spec("j")));

        Assert.Equal("|  | a | b |\n| --- | --- | --- |\n| a | 1.000 | 0.500 |\n| b | 0.500 | 1.000 |\n", SupernetReportTables.Jaccard(report).ToString());
    }

    [Fact]
    public void Sharing_TwoKnownPaths_WritesEachLayersSharedFraction()
    {
        var text = SupernetReportTables.Sharing(new SupernetReport(SupernetStudies.Study(SupernetStudies.Spec("s")))).ToString();

        Assert.Contains("| s1b0 | 1 | 1 | 1.000 |", text, StringComparison.Ordinal);
        Assert.Contains("| s2b0 | 2 | 0 | 0.000 |", text, StringComparison.Ordinal);
        Assert.Contains("| s2b1 | 0 | 0 | 0.000 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_TwoDomains_WritesEachArgmaxPathAndTheLastEntropy()
    {
        var text = SupernetReportTables.Paths(new SupernetReport(SupernetStudies.Study(SupernetStudies.Spec("p")))).ToString();

        Assert.Contains("| a | s1 2x fused_ibn k3 e1 w8; s2 1x fused_ibn k3 e1 w16 | 3 | 2.5 |", text, StringComparison.Ordinal);
        Assert.Contains("| b | s1 2x fused_ibn k3 e1 w16; s2 1x fused_ibn k5 e1 w16 | 3 | 2.5 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FinalMetrics_NoneReported_IsNullAndMarkdownHasNoFinalModelSection()
    {
        var report = new SupernetReport(SupernetStudies.Study(SupernetStudies.Spec("f")));

        Assert.Null(SupernetReportTables.FinalMetrics(report));
        Assert.DoesNotContain("Final model", SupernetReportTables.Markdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public void FinalMetrics_PerDomainAndStudyWide_WritesARowPerDomainAndOneForAll()
    {
        var metrics = new Dictionary<string, double> { ["a.test_accuracy"] = 81.5, ["b.test_accuracy"] = 90, ["unique_params"] = 12_000, ["test_accuracy"] = 85.75 };
        var text = SupernetReportTables.FinalMetrics(new SupernetReport(SupernetStudies.Study(SupernetStudies.Spec("f"), metrics)))!.ToString();

        Assert.Equal("| domain | test_accuracy | unique_params |\n| --- | --- | --- |\n| a | 81.5 |  |\n| b | 90 |  |\n| all | 85.75 | 12000 |\n", text);
    }

    [Fact]
    public void Last_WithCompare_WritesBothStudiesLossesUnderTheirLossCombination()
    {
        var abdp = SupernetStudies.Study(SupernetStudies.Spec("with"));
        var plain = SupernetStudies.Study(SupernetStudies.Spec("without", abdp: false), lossStep: 0.25);

        var text = SupernetReportTables.Last(new SupernetReport(abdp, plain)).ToString();

        Assert.StartsWith("| domain | train loss: with (ABDP w=2) | validation accuracy: with (ABDP w=2) | train loss: without (plain sum) | validation accuracy: without (plain sum) |", text, StringComparison.Ordinal);
        Assert.Contains("| a | 1.5 | 60 | 2.25 | 60 |", text, StringComparison.Ordinal);
    }
}
