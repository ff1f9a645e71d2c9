namespace NasOrleans.Core.Reports;

/// <summary>The best-so-far (incumbent) series of a sequence of trial results.</summary>
public static class BestSoFar
{
    /// <summary>
    /// The best value among the first i + 1 values, for each i: the largest when <paramref name="maximize"/>, else
    /// the smallest. Non-finite values (a failed or infeasible trial) never become the best; the series is NaN until
    /// the first finite value.
    /// </summary>
    public static IReadOnlyList<double> Compute(IEnumerable<double> values, bool maximize = true)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new List<double>();
        var best = double.NaN;
        foreach (var v in values)
        {
            if (double.IsFinite(v) && (double.IsNaN(best) || (maximize ? v > best : v < best)))
            {
                best = v;
            }

            result.Add(best);
        }

        return result;
    }
}
