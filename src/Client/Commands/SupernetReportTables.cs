using System.Globalization;
using System.Text;
using NasOrleans.Client.Output;

namespace NasOrleans.Client.Commands;

/// <summary>The Markdown tables of a <see cref="SupernetReport"/>: paths, Jaccard matrix, sharing per layer, final metrics, last losses.</summary>
internal static class SupernetReportTables
{
    /// <summary>Every table of <paramref name="report"/> under a heading each, the final metrics only when the job reports some.</summary>
    public static string Markdown(SupernetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        Section(text, $"Argmax paths of study {report.Study.StudyId} ({report.Study.Spec.Algorithm.Name}, {report.Study.LossCombination})", Paths(report));
        Section(text, "Jaccard similarity of the domains' paths", Jaccard(report));
        Section(text, "Shared nodes per layer (used by two or more domains)", Sharing(report));
        if (FinalMetrics(report) is { } final)
        {
            Section(text, "Final model", final);
        }

        Section(text, "Last checkpoint per domain", Last(report));
        return text.ToString();
    }

    /// <summary>Each domain's argmax path: the architecture, its node count and the controller's last entropy.</summary>
    public static MarkdownTable Paths(SupernetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new MarkdownTable("domain", "argmax path", "nodes", "entropy");
        var study = report.Study;
        for (var i = 0; i < study.Domains.Count; i++)
        {
            var domain = study.Domains[i];
            table.Add(domain, SupernetReport.Describe(study.Space, study.Paths[i]), Count(report.Nodes[i].Count), Number(SupernetReport.Last(study, domain, "entropy")));
        }

        return table;
    }

    /// <summary>The Jaccard matrix, a row and a column per domain.</summary>
    public static MarkdownTable Jaccard(SupernetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var domains = report.Study.Domains;
        var table = new MarkdownTable(["", .. domains]);
        for (var i = 0; i < domains.Count; i++)
        {
            table.Add([domains[i], .. Enumerable.Range(0, domains.Count).Select(j => report.Jaccard[i, j].ToString("0.000", CultureInfo.InvariantCulture))]);
        }

        return table;
    }

    /// <summary>Per layer: the nodes used there, how many two or more domains share, and the fraction.</summary>
    public static MarkdownTable Sharing(SupernetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new MarkdownTable("layer", "nodes", "shared", "shared fraction");
        foreach (var (layer, nodes, shared, fraction) in report.Sharing)
        {
            table.Add(layer, Count(nodes), Count(shared), fraction.ToString("0.000", CultureInfo.InvariantCulture));
        }

        return table;
    }

    /// <summary>The job's final metrics: a row per domain of the per-domain ones, then a row "all" of the study-wide ones; null when it reports none.</summary>
    public static MarkdownTable? FinalMetrics(SupernetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metrics = report.ReportedDomainMetrics.Union(report.ReportedStudyMetrics).ToList();
        if (metrics.Count == 0)
        {
            return null;
        }

        var study = report.Study;
        var table = new MarkdownTable(["domain", .. metrics]);
        foreach (var domain in study.Domains)
        {
            table.Add([domain, .. metrics.Select(m => study.Metrics.TryGetValue($"{domain}.{m}", out var v) ? Number(v) : "")]);
        }

        if (report.ReportedStudyMetrics.Count > 0)
        {
            table.Add(["all", .. metrics.Select(m => study.Metrics.TryGetValue(m, out var v) && report.ReportedStudyMetrics.Contains(m) ? Number(v) : "")]);
        }

        return table;
    }

    /// <summary>Each domain's train loss (and validation accuracy) at the last checkpoint, a column pair per study.</summary>
    public static MarkdownTable Last(SupernetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var studies = report.Studies;
        var table = new MarkdownTable([
            "domain",
            .. studies.SelectMany(s => new[] { $"train loss: {SupernetReport.Label(s)}", $"validation accuracy: {SupernetReport.Label(s)}" })]);
        foreach (var domain in report.Study.Domains)
        {
            table.Add([domain, .. studies.SelectMany(s => new[] { Number(SupernetReport.Last(s, domain, "train_loss")), Number(SupernetReport.Last(s, domain, "validation_accuracy")) })]);
        }

        return table;
    }

    private static void Section(StringBuilder text, string heading, MarkdownTable table) =>
        text.Append("### ").Append(heading).Append("\n\n").Append(table).Append('\n');

    private static string Number(double value) => double.IsFinite(value) ? StudyView.Number(value) : "-";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
