using NasOrleans.Core.Reports;

namespace NasOrleans.Core.Tests.Reports;

public class ParetoFrontTests
{
    [Fact]
    public void Compute_MixedPoints_KeepsOnlyTheNonDominatedByIncreasingCost()
    {
        var front = ParetoFront.Compute(
        [
            new(1, 90, 10),
            new(2, 85, 5),
            new(3, 80, 7),
            new(4, 92, 20),
            new(5, 91, 25),
            new(6, 70, 1),
        ]);

        Assert.Equal([6L, 2L, 1L, 4L], front.Select(p => p.Id));
    }

    [Fact]
    public void Compute_TiesAndNonFinite_KeepsTheFirstIdAndIgnoresNaN()
    {
        var front = ParetoFront.Compute([new(3, 90, 10), new(2, 90, 10), new(1, double.NaN, 1), new(4, 95, double.PositiveInfinity)]);

        Assert.Equal([2L], front.Select(p => p.Id));
    }

    [Fact]
    public void Compute_Empty_IsEmpty() => Assert.Empty(ParetoFront.Compute([]));
}
