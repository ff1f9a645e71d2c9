namespace NasOrleans.Dashboard.Tests;

public sealed class ParetoFrontTests
{
    [Fact]
    public void Of_DominatedPoints_AreLeftOutAndTheFrontRunsByCost()
    {
        ChartPoint[] points =
        [
            new(1, Cost: 5, Score: 0.9, Value: 0.9),
            new(2, Cost: 1, Score: 0.5, Value: 0.5),
            new(3, Cost: 3, Score: 0.4, Value: 0.4), // costs more than 2 and scores less
            new(4, Cost: 2, Score: 0.7, Value: 0.7),
            new(5, Cost: 6, Score: 0.9, Value: 0.9), // as good as 1, costs more
            new(6, Cost: 1, Score: 0.3, Value: 0.3), // same cost as 2, worse
        ];

        Assert.Equal([2L, 4L, 1L], ParetoFront.Of(points).Select(p => p.TrialId));
    }

    [Fact]
    public void Of_NoPoints_IsEmpty() => Assert.Empty(ParetoFront.Of([]));
}
