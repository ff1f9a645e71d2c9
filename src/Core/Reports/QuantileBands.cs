namespace NasOrleans.Core.Reports;

/// <summary>Per-step quantiles of many runs' curves (best-so-far curves of repeated searches).</summary>
public static class QuantileBands
{
    /// <summary>
    /// For each step up to the longest curve, the <paramref name="lower"/> quantile, median and <paramref name="upper"/>
    /// quantile of the finite values at that step, over the runs that reached it. Steps where no run has a finite
    /// value (no feasible answer yet) are left out. Quantiles interpolate linearly between order statistics.
    /// </summary>
    public static IReadOnlyList<QuantileBand> Compute(IEnumerable<IReadOnlyList<double>> curves, double lower = 0.25, double upper = 0.75)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (lower is < 0 or > 1 || upper is < 0 or > 1 || lower > upper)
        {
            throw new ArgumentOutOfRangeException(nameof(lower), "The quantiles must satisfy 0 <= lower <= upper <= 1.");
        }

        var runs = curves.ToList();
        var length = runs.Count == 0 ? 0 : runs.Max(c => c.Count);
        var bands = new List<QuantileBand>(length);
        for (var step = 0; step < length; step++)
        {
            var values = runs.Where(c => c.Count > step).Select(c => c[step]).Where(double.IsFinite).Order().ToArray();
            if (values.Length > 0)
            {
                bands.Add(new QuantileBand(step, values.Length, Quantile(values, lower), Quantile(values, 0.5), Quantile(values, upper)));
            }
        }

        return bands;
    }

    /// <summary>The q-quantile of ascending <paramref name="sorted"/> values, interpolating linearly (NaN when empty).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
