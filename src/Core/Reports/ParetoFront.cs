namespace NasOrleans.Core.Reports;

/// <summary>The non-dominated points of a score-against-cost trade-off (accuracy against params, FLOPs or latency).</summary>
public static class ParetoFront
{
    private static readonly Comparer<ParetoPoint> ByRank = Comparer<ParetoPoint>.Create((a, b) => TrialRanking.Compare(a.Score, a.Id, b.Score, b.Id));

    /// <summary>
    /// The points no other point beats on both score (higher) and cost (lower), by increasing cost. Of points with
    /// equal score and cost the one <see cref="TrialRanking"/> ranks first (the smallest id) stays. Points with a non-finite score or cost are ignored.
    /// </summary>
    public static IReadOnlyList<ParetoPoint> Compute(IEnumerable<ParetoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var front = new List<ParetoPoint>();
        var best = double.NegativeInfinity;
        foreach (var p in points.Where(p => double.IsFinite(p.Score) && double.IsFinite(p.Cost))
                     .OrderBy(p => p.Cost).ThenBy(p => p, ByRank))
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
