using NasOrleans.Client.Commands;

namespace NasOrleans.Client.Tests.Commands;

public sealed class SupernetReportPlotsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-supernet-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Write_TwoDomains_WritesTheFivePlotsAsPngs()
    {
        var files = SupernetReportPlots.Write(new SupernetReport(SupernetStudies.Study(SupernetStudies.Spec("p"))), _directory);

        Assert.Equal(SupernetReportPlots.FileNames, files.Select(Path.GetFileName));
        Assert.All(files, f => PngFile.AssertPlot(f));
    }

    [Fact]
    public void Write_WithCompareAndThreeDomains_WritesTheFivePlotsAsPngs()
    {
        string[] domains = ["fashion", "mnist", "digits"];
        var abdp = SupernetStudies.Study(SupernetStudies.Spec("with", domains: domains));
        var plain = SupernetStudies.Study(SupernetStudies.Spec("without", abdp: false, domains: domains), lossStep: 0.25);

        var files = SupernetReportPlots.Write(new SupernetReport(abdp, plain), _directory);

        Assert.Equal(5, files.Count);
        Assert.All(files, f => PngFile.AssertPlot(f));
    }
}
