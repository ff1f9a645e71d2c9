using System.Globalization;
using System.Text;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Statistics;

namespace NasOrleans.Client.Commands;

/// <summary>The summary of <c>nas bench tunas</c> as Markdown: ranking, the argmax against the random architectures, equal compute, cost targets, ablations.</summary>
internal static class TunasBenchSummary
{
    /// <summary>The summary of <paramref name="results"/>, naming the plots written beside it.</summary>
    public static string Markdown(TunasBenchResults results, IReadOnlyList<string> plots)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        var main = results.Searches[TunasBenchVariant.Main];
        text.AppendLine("# nas bench tunas: TuNAS on Fashion-MNIST");
        text.AppendLine();
        text.AppendLine(Invariant($"{results.Settings}. Space: mobile-cnn, 3 stages of 0 to 2 fused inverted bottlenecks (kernel 3/5, expansion 1/2, width 16/24/32). Parameter targets: {string.Join(", ", results.Targets.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))}; the main search uses the absolute reward at {main.Target:N0}."));
        text.AppendLine();
        AppendRanking(text, results);
        AppendArgmax(text, results, main);
        AppendEqualCompute(text, results, main);
        AppendCostTargets(text, results);
        AppendAblations(text, results);
        text.AppendLine();
        text.AppendLine(Invariant($"Plots: {string.Join(", ", plots.Select(Path.GetFileName))}."));
        return text.ToString();
    }

    /// <summary>A search's display name.</summary>
    public static string Name(string variant) => variant switch
    {
        TunasBenchVariant.Main => "TuNAS (abs reward, op warmup, RL delay)",
        TunasBenchVariant.NoWarmup => "no op warmup",
        TunasBenchVariant.NoDelay => "no RL delay (and so no op warmup)",
        _ => variant,
    };

    private static void AppendRanking(StringBuilder text, TunasBenchResults results)
    {
        var ranking = TunasRanking.Of(results, TunasBenchVariant.Main);
        text.AppendLine("## Ranking: one-shot validation accuracy vs stand-alone test accuracy");
        text.AppendLine();
        text.AppendLine(Invariant($"- n = {ranking.Count}: the {results.Archs.Count} random architectures plus the argmax of {Name(TunasBenchVariant.Main)}"));
        text.AppendLine(Invariant($"- Kendall tau: **{Format(ranking.Tau)}**"));
        text.AppendLine(Invariant($"- Spearman rho: **{Format(ranking.Rho)}**"));
        text.AppendLine();
        text.AppendLine(Invariant($"95% percentile-bootstrap intervals over the architectures, {results.Settings.Resamples} resamples; the ablations' rankings are in their table below."));
        text.AppendLine();
    }

    private static void AppendArgmax(StringBuilder text, TunasBenchResults results, TunasSearchPiece main)
    {
        var random = results.Archs.Select(k => results.Standalone[k].TestAccuracy).Where(double.IsFinite).Order().ToList();
        var argmax = results.Standalone[main.Argmax];
        var median = Core.Reports.QuantileBands.Quantile(random, 0.5);
        var better = random.Count(a => a > argmax.TestAccuracy);
        text.AppendLine("## The argmax against the random architectures (stand-alone test accuracy)");
        text.AppendLine();
        text.AppendLine("| architecture | params | stand-alone test % |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(Invariant($"| TuNAS argmax: {Display(main.Argmax)} | {argmax.Params:N0} | {argmax.TestAccuracy:F2} |"));
        text.AppendLine(Invariant($"| median of the {random.Count} random | | {median:F2} |"));
        text.AppendLine(Invariant($"| best / worst random | | {random[^1]:F2} / {random[0]:F2} |"));
        text.AppendLine();
        var met = argmax.TestAccuracy >= median;
        text.AppendLine(Invariant($"- {better} of {random.Count} random architectures are better than the argmax; argmax − median: **{argmax.TestAccuracy - median:+0.00;-0.00} points** (goal ≥ 0: {(met ? "met" : "not met")})."));
        text.AppendLine();
    }

    private static void AppendEqualCompute(StringBuilder text, TunasBenchResults results, TunasSearchPiece main)
    {
        var argmax = results.Standalone[main.Argmax];
        text.AppendLine("## Equal compute (training samples: supernet search + stand-alone training)");
        text.AppendLine();
        text.AppendLine("| method | architectures trained | training samples | best by validation | params | validation % | test % |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        text.AppendLine(Invariant($"| TuNAS (search {main.TrainingSamples:N0} + argmax {argmax.TrainingSamples:N0}) | 1 | {results.TunasSamples:N0} | {Display(main.Argmax)} | {argmax.Params:N0} | {argmax.ValidationAccuracy:F2} | {argmax.TestAccuracy:F2} |"));
        foreach (var method in results.Methods)
        {
            var best = method.Best.Length > 0 ? results.Standalone[method.Best] : null;
            text.AppendLine(Invariant($"| {method.Method} | {method.Trained.Count} | {method.SamplesUsed:N0} | {(best is null ? "-" : Display(method.Best))} | {best?.Params ?? 0:N0} | {method.BestValidation:F2} | {method.BestTest:F2} |"));
        }

        text.AppendLine();
        text.AppendLine("Each strategy trains its proposals stand-alone while the next training fits in TuNAS's budget, sees only validation accuracies, and returns its best by validation; test accuracy is reported only. Random search's proposals are the ranking's first random architectures (same sampler and seed). The supernet's validation passes (4x batch, forward only) are not counted.");
        text.AppendLine();
    }

    private static void AppendCostTargets(StringBuilder text, TunasBenchResults results)
    {
        text.AppendLine("## Cost targets: absolute reward (TuNAS, β = −0.10) vs MnasNet reward (w = −0.07)");
        text.AppendLine();
        text.AppendLine("| reward | target params | argmax params | cost/target | abs(cost/target − 1) |");
        text.AppendLine("|---|---|---|---|---|");
        var cost = TunasBenchVariant.All.Where(v => !v.Name.StartsWith("no-", StringComparison.Ordinal)).Select(v => results.Searches[v.Name]).ToList();
        foreach (var search in cost)
        {
            var ratio = search.ArgmaxParams / search.Target;
            text.AppendLine(Invariant($"| {search.Reward} | {search.Target:N0} | {search.ArgmaxParams:N0} | {ratio:F3} | {Math.Abs(ratio - 1):F3} |"));
        }

        text.AppendLine();
        foreach (var group in cost.GroupBy(s => s.Reward))
        {
            text.AppendLine(Invariant($"- {group.Key}: mean abs(cost/target − 1) over the three targets **{group.Average(s => Math.Abs((s.ArgmaxParams / s.Target) - 1)):F3}**"));
        }

        text.AppendLine();
    }

    private static void AppendAblations(StringBuilder text, TunasBenchResults results)
    {
        text.AppendLine("## Ablations");
        text.AppendLine();
        text.AppendLine("| search | argmax | params | one-shot % | stand-alone test % | Kendall tau [95% CI] | Spearman rho [95% CI] |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var variant in TunasBenchVariant.All.Where(v => v.Ranks))
        {
            var search = results.Searches[variant.Name];
            var ranking = TunasRanking.Of(results, variant.Name);
            text.AppendLine(Invariant(
                $"| {Name(variant.Name)} | {Display(search.Argmax)} | {search.ArgmaxParams:N0} | {search.ArgmaxOneShot:F2} | {results.Standalone[search.Argmax].TestAccuracy:F2} | {Format(ranking.Tau)} | {Format(ranking.Rho)} |"));
        }
    }

    private static string Display(string key) => TunasBenchRunner.Space.Display(Architecture.FromKey(key));

    private static string Format(ConfidenceInterval i) =>
        double.IsNaN(i.Estimate) ? "undefined (an accuracy is constant)" : Invariant($"{i.Estimate:F3} [{i.Lower:F3}, {i.Upper:F3}]");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
