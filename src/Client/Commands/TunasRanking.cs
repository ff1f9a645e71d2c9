using NasOrleans.Core.Statistics;

namespace NasOrleans.Client.Commands;

/// <summary>
/// One search's ranking: the one-shot accuracy (on its supernet) against the stand-alone test accuracy of the random
/// architectures and its argmax, as Kendall's tau-b and Spearman's rho with percentile-bootstrap intervals. Trainings
/// that diverged are left out.
/// </summary>
/// <param name="OneShot">One-shot validation accuracies (percent): the random architectures', then the argmax's last.</param>
/// <param name="Standalone">The same architectures' stand-alone test accuracies (percent).</param>
/// <param name="Tau">Kendall's tau-b and its interval.</param>
/// <param name="Rho">Spearman's rho and its interval.</param>
internal sealed record TunasRanking(IReadOnlyList<double> OneShot, IReadOnlyList<double> Standalone, ConfidenceInterval Tau, ConfidenceInterval Rho)
{
    /// <summary>The number of architectures ranked.</summary>
    public int Count => OneShot.Count;

    /// <summary>The ranking of <paramref name="variant"/>'s search (a ranking variant).</summary>
    public static TunasRanking Of(TunasBenchResults results, string variant)
    {
        ArgumentNullException.ThrowIfNull(results);
        var search = results.Searches[variant];
        var pairs = results.Archs.Select((key, i) => (OneShot: search.OneShot[i], Test: results.Standalone[key].TestAccuracy))
            .Append((OneShot: search.ArgmaxOneShot, Test: results.Standalone[search.Argmax].TestAccuracy))
            .Where(p => double.IsFinite(p.OneShot) && double.IsFinite(p.Test))
            .ToList();
        double[] x = [.. pairs.Select(p => p.OneShot)];
        double[] y = [.. pairs.Select(p => p.Test)];
        var (seed, resamples) = (results.Settings.Seed, results.Settings.Resamples);
        return new TunasRanking(x, y, Interval(x, y, RankCorrelation.KendallTauB, seed, resamples), Interval(x, y, RankCorrelation.SpearmanRho, seed + 1, resamples));
    }

    /// <summary>The bootstrap interval, or NaN throughout when the coefficient is undefined (fewer than 2 pairs, or a constant accuracy).</summary>
    private static ConfidenceInterval Interval(double[] x, double[] y, Func<IReadOnlyList<double>, IReadOnlyList<double>, double> statistic, ulong seed, int resamples) =>
        x.Length >= 2 && !double.IsNaN(statistic(x, y))
            ? BootstrapInterval.Compute(x, y, statistic, seed, resamples)
            : new ConfidenceInterval(double.NaN, double.NaN, double.NaN, BootstrapInterval.DefaultLevel, 0);
}
