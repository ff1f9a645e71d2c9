using NasOrleans.Core.Paired;

namespace NasOrleans.Core.Tests.Paired;

public sealed class CurriculumSeriesTests
{
    private static Dictionary<string, double> Round(double steps, double? walls) =>
        walls is { } w ? new() { ["student_steps"] = steps, ["walls"] = w } : new() { ["student_steps"] = steps };

    [Fact]
    public void Of_WindowOfTwo_IsTheRunningMeanSkippingRoundsWithoutTheMetric()
    {
        var rounds = new[] { Round(100, 1), Round(200, null), Round(300, 3), Round(400, 7) };

        var series = CurriculumSeries.Of(rounds, "walls", window: 2);

        Assert.Equal([(100.0, 1.0), (300.0, 2.0), (400.0, 5.0)], series);
    }

    [Fact]
    public void Ends_FirstAndLastFifth_AreTheirMeans()
    {
        var rounds = Enumerable.Range(1, 10).Select(i => (IReadOnlyDictionary<string, double>)Round(i, i)).ToList();

        var (first, last) = CurriculumSeries.Ends(rounds, "walls");

        Assert.Equal(1.5, first);
        Assert.Equal(9.5, last);
    }

    [Fact]
    public void Ends_MetricNeverReported_IsNaN()
    {
        var (first, last) = CurriculumSeries.Ends([Round(1, null)], "walls");

        Assert.True(double.IsNaN(first) && double.IsNaN(last));
    }
}
