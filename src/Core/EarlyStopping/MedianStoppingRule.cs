namespace NasOrleans.Core.EarlyStopping;

/// <summary>
/// Vizier's median stopping rule: from <c>minSteps</c> on, a trial stops when its best score so far is below
/// the median of the best scores that at least <c>minTrials</c> other trials had reached by the same step.
/// </summary>
public sealed class MedianStoppingRule(int minSteps, int minTrials) : IEarlyStoppingRule
{
    private readonly Dictionary<long, SortedDictionary<int, double>> _curves = [];

    /// <inheritdoc />
    public bool Report(long trialId, int step, double score)
    {
        if (!_curves.TryGetValue(trialId, out var curve))
        {
            curve = [];
            _curves[trialId] = curve;
        }

        curve[step] = score;
        if (step < minSteps)
        {
            return false;
        }

        var others = _curves.Where(c => c.Key != trialId)
            .Select(c => BestUpTo(c.Value, step))
            .OfType<double>()
            .Order()
            .ToList();
        if (others.Count < minTrials)
        {
            return false;
        }

        var median = others.Count % 2 == 1 ? others[others.Count / 2] : (others[(others.Count / 2) - 1] + others[others.Count / 2]) / 2;
        return BestUpTo(curve, step) < median;
    }

    private static double? BestUpTo(SortedDictionary<int, double> curve, int step)
    {
        double? best = null;
        foreach (var (s, v) in curve)
        {
            if (s > step)
            {
                break;
            }

            best = best is { } b ? Math.Max(b, v) : v;
        }

        // A trial that has not reached the step yet is no evidence about it.
        return curve.Keys.Max() >= step ? best : null;
    }
}
