namespace NasOrleans.Dashboard;

/// <summary>The Pareto front of (cost, score) points: lower cost and higher score are better.</summary>
internal static class ParetoFront
{
    /// <summary>The points no other point beats on both cost and score, in increasing cost.</summary>
    public static IReadOnlyList<ChartPoint> Of(IEnumerable<ChartPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var front = new List<ChartPoint>();
        var best = double.NegativeInfinity;
        foreach (var p in points.OrderBy(p => p.Cost).ThenByDescending(p => p.Score))
        {
            if (p.Score > best)
            {
                front.Add(p);
                best = p.Score;
            }
        }

        return front;
    }
}
