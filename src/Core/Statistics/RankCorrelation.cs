namespace NasOrleans.Core.Statistics;

/// <summary>
/// Rank correlations of paired samples: Kendall's tau-b (ties corrected) and Spearman's rho (Pearson's correlation of
/// the average ranks). Both are undefined, and return <see cref="double.NaN"/>, when either sample is constant.
/// </summary>
public static class RankCorrelation
{
    /// <summary>
    /// Kendall's tau-b of the pairs (x[i], y[i]): (concordant − discordant) / √((n0 − tx)(n0 − ty)), where n0 = n(n−1)/2
    /// and tx, ty count the pairs tied in x and in y. In [−1, 1]; NaN when x or y is constant.
    /// </summary>
    /// <exception cref="ArgumentException">The samples differ in length, have fewer than 2 pairs, or hold a value that is not finite.</exception>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                var (dx, dy) = (Math.Sign(x[i] - x[j]), Math.Sign(y[i] - y[j]));
                tiedX += dx == 0 ? 1 : 0;
                tiedY += dy == 0 ? 1 : 0;
                concordant += dx * dy > 0 ? 1 : 0;
                discordant += dx * dy < 0 ? 1 : 0;
            }
        }

        var pairs = (long)x.Count * (x.Count - 1) / 2;
        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }

    /// <summary>
    /// Spearman's rho of the pairs: Pearson's correlation of their ranks, tied values sharing the average of the ranks
    /// they span. In [−1, 1]; NaN when x or y is constant.
    /// </summary>
    /// <exception cref="ArgumentException">The samples differ in length, have fewer than 2 pairs, or hold a value that is not finite.</exception>
    public static double SpearmanRho(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>The ranks (1-based) of <paramref name="values"/>, ties given the average of the ranks they span.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var (meanX, meanY) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }

        return sxx == 0 || syy == 0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    private static void Check(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"The samples must be paired: x has {x.Count} values, y {y.Count}.", nameof(y));
        }

        if (x.Count < 2)
        {
            throw new ArgumentException($"A rank correlation needs at least 2 pairs; got {x.Count}.", nameof(x));
        }

        if (x.Any(v => !double.IsFinite(v)) || y.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every value must be finite (no NaN or infinity).", nameof(x));
        }
    }
}
