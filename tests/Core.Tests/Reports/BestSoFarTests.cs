using NasOrleans.Core.Reports;

namespace NasOrleans.Core.Tests.Reports;

public class BestSoFarTests
{
    [Fact]
    public void Compute_Maximize_KeepsTheLargestSoFar() =>
        Assert.Equal([3.0, 3.0, 5.0, 5.0, 7.0], BestSoFar.Compute([3, 1, 5, 4, 7]));

    [Fact]
    public void Compute_Minimize_KeepsTheSmallestSoFar() =>
        Assert.Equal([3.0, 1.0, 1.0, 0.5], BestSoFar.Compute([3, 1, 5, 0.5], maximize: false));

    [Fact]
    public void Compute_NonFiniteValues_NeverBecomeTheBestAndLeadingOnesStayNaN()
    {
        var series = BestSoFar.Compute([double.NaN, 2, double.PositiveInfinity, double.NaN, 1]);

        Assert.True(double.IsNaN(series[0]));
        Assert.Equal([2.0, 2.0, 2.0, 2.0], series.Skip(1));
    }

    [Fact]
    public void Compute_Empty_IsEmpty() => Assert.Empty(BestSoFar.Compute([]));
}
