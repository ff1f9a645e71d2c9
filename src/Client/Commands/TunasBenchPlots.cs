using NasOrleans.Client.Plots;

namespace NasOrleans.Client.Commands;

/// <summary>The plots of <c>nas bench tunas</c>: <c>ranking.png</c> and <c>cost-targets.png</c>.</summary>
internal static class TunasBenchPlots
{
    /// <summary>Writes both plots into <paramref name="directory"/>; returns their full paths.</summary>
    public static IReadOnlyList<string> Write(TunasBenchResults results, string directory)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [Ranking(results, Path.Combine(directory, "ranking.png")), CostTargets(results, Path.Combine(directory, "cost-targets.png"))];
    }

    private static string Ranking(TunasBenchResults results, string path)
    {
        var ranking = TunasRanking.Of(results, TunasBenchVariant.Main);
        var chart = new ParetoChart(
            FormattableString.Invariant($"One-shot vs stand-alone accuracy (Kendall tau {ranking.Tau.Estimate:F3}, Spearman rho {ranking.Rho.Estimate:F3}, n = {ranking.Count})"),
            "one-shot validation accuracy on the supernet (%)",
            "stand-alone test accuracy (%)");
        var points = ranking.OneShot.Zip(ranking.Standalone, (x, y) => new ChartPoint(x, y)).ToList();
        chart.AddPoints("random architectures", points[..^1], size: 8);
        chart.AddPoints("TuNAS argmax", points[^1..], size: 14);
        return chart.Save(path);
    }

    private static string CostTargets(TunasBenchResults results, string path)
    {
        var chart = new BarChart("Argmax parameters / target (1 = on target)", "reward at target (params)", "cost / target");
        var searches = TunasBenchVariant.All.Where(v => !v.Name.StartsWith("no-", StringComparison.Ordinal)).Select(v => results.Searches[v.Name]).ToList();
        foreach (var search in searches)
        {
            var ratio = search.ArgmaxParams / search.Target;
            chart.AddBar(FormattableString.Invariant($"{search.Reward} {search.Target / 1000:0.#}k"), ratio, FormattableString.Invariant($"{ratio:F2}"));
        }

        return chart.Save(path, Math.Max(1.2, searches.Max(s => s.ArgmaxParams / s.Target)));
    }
}
