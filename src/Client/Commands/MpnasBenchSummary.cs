using System.Globalization;
using System.Text;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Supernets.MultiPath;

namespace NasOrleans.Client.Commands;

/// <summary>The table of <c>nas bench mpnas</c>: per row, means over seeds of parameters, FLOPs and test accuracy per domain.</summary>
internal static class MpnasBenchSummary
{
    /// <summary>The summary as Markdown: the comparison table, the goals, and the Jaccard matrix and sharing of the ABDP row's paths.</summary>
    public static string Markdown(SearchSpace space, IReadOnlyList<string> domains, IReadOnlyList<MpnasRowResult> results)
    {
        var text = new StringBuilder();
        var rows = results.GroupBy(r => r.Row).OrderBy(g => g.Key).ToList();
        var bundle = rows.FirstOrDefault(g => g.Key == MpnasRow.Bundle)?.Average(r => (double)r.UniqueParameters);
        text.AppendLine(Invariant($"| row | seeds | unique params | x one model | x bundle | {string.Join(" | ", domains.Select(d => $"{d} MFLOPs"))} | {string.Join(" | ", domains.Select(d => $"{d} test %"))} | mean test % | worst % |"));
        text.AppendLine(Invariant($"|---|---|---|---|---|{string.Concat(domains.Select(_ => "---|"))}{string.Concat(domains.Select(_ => "---|"))}---|---|"));
        foreach (var row in rows)
        {
            var runs = row.ToList();
            var unique = runs.Average(r => (double)r.UniqueParameters);
            var oneModel = runs.Average(r => r.Domains.Average(d => (double)d.PathParams));
            var flops = domains.Select((_, d) => runs.Average(r => r.Domains[d].PathFlops) / 1e6);
            var accuracy = domains.Select((_, d) => MeanSd(runs.Select(r => r.Domains[d].TestAccuracy)));
            text.AppendLine(Invariant(
                $"| {Name(row.Key)} | {runs.Count} | {unique:N0} | {unique / oneModel:F2} | {(bundle is { } b ? (unique / b).ToString("F2", CultureInfo.InvariantCulture) : "-")} | {string.Join(" | ", flops.Select(f => f.ToString("F2", CultureInfo.InvariantCulture)))} | {string.Join(" | ", accuracy)} | {MeanSd(runs.Select(r => r.Domains.Average(d => d.TestAccuracy)))} | {MeanSd(runs.Select(r => r.Domains.Min(d => d.TestAccuracy)))} |"));
        }

        AppendGoals(text, rows.ToDictionary(g => g.Key, g => g.ToList()));
        if (rows.FirstOrDefault(g => g.Key == MpnasRow.Abdp)?.OrderBy(r => r.Seed).First() is { } abdp)
        {
            AppendSharing(text, space, domains, abdp);
        }

        return text.ToString();
    }

    /// <summary>The display name of a row.</summary>
    public static string Name(MpnasRow row) => row switch
    {
        MpnasRow.Bundle => "bundle (domain-independent TuNAS)",
        MpnasRow.SharedPath => "single shared path, a head per domain",
        MpnasRow.PlainSum => "MPNAS, plain sum",
        _ => "MPNAS, ABDP",
    };

    private static void AppendGoals(StringBuilder text, Dictionary<MpnasRow, List<MpnasRowResult>> rows)
    {
        if (!rows.TryGetValue(MpnasRow.Abdp, out var abdp))
        {
            return;
        }

        text.AppendLine();
        double Mean(List<MpnasRowResult> runs, Func<MpnasRowResult, double> f) => runs.Average(f);
        if (rows.TryGetValue(MpnasRow.Bundle, out var bundle))
        {
            var ratio = Mean(abdp, r => r.UniqueParameters) / Mean(bundle, r => r.UniqueParameters);
            var gain = Mean(abdp, r => r.Domains.Average(d => d.TestAccuracy)) - Mean(bundle, r => r.Domains.Average(d => d.TestAccuracy));
            text.AppendLine(Invariant($"- MPNAS (ABDP) parameters / bundle parameters: **{ratio:F2}** (goal ≤ 0.5: {(ratio <= 0.5 ? "met" : "not met")})"));
            text.AppendLine(Invariant($"- MPNAS (ABDP) mean test accuracy − bundle's: **{gain:+0.00;-0.00} points** (goal ≥ 0: {(gain >= 0 ? "met" : "not met")})"));
        }

        if (rows.TryGetValue(MpnasRow.PlainSum, out var plain))
        {
            var worst = Mean(abdp, r => r.Domains.Min(d => d.TestAccuracy)) - Mean(plain, r => r.Domains.Min(d => d.TestAccuracy));
            text.AppendLine(Invariant($"- ABDP's worst domain − plain sum's worst domain: **{worst:+0.00;-0.00} points** (goal > 0: {(worst > 0 ? "met" : "not met")})"));
        }
    }

    private static void AppendSharing(StringBuilder text, SearchSpace space, IReadOnlyList<string> domains, MpnasRowResult abdp)
    {
        var nodes = abdp.Paths.Select(k => PathNodes.Of(space, Architecture.FromKey(k))).ToList();
        var matrix = PathNodes.JaccardMatrix(nodes);
        text.AppendLine();
        text.AppendLine(Invariant($"Jaccard similarity of the domains' paths (MPNAS ABDP, seed {abdp.Seed}):"));
        text.AppendLine();
        text.AppendLine($"| | {string.Join(" | ", domains)} |");
        text.AppendLine($"|---|{string.Concat(domains.Select(_ => "---|"))}");
        for (var i = 0; i < domains.Count; i++)
        {
            text.AppendLine(Invariant($"| {domains[i]} | {string.Join(" | ", Enumerable.Range(0, domains.Count).Select(j => matrix[i, j].ToString("F2", CultureInfo.InvariantCulture)))} |"));
        }

        text.AppendLine();
        text.AppendLine("| layer | nodes used | shared by 2+ domains | shared fraction |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (layer, count, shared, fraction) in PathNodes.SharingByLayer(space, nodes))
        {
            text.AppendLine(Invariant($"| {layer} | {count} | {shared} | {fraction:F2} |"));
        }

        text.AppendLine();
        for (var d = 0; d < domains.Count; d++)
        {
            text.AppendLine(Invariant($"- {domains[d]}: {space.Display(Architecture.FromKey(abdp.Paths[d]))}"));
        }
    }

    private static string MeanSd(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        var sd = list.Count > 1 ? Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1)) : 0;
        return Invariant($"{mean:F2} ± {sd:F2}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
