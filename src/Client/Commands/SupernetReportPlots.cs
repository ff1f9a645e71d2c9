using System.Globalization;
using NasOrleans.Client.Plots;

namespace NasOrleans.Client.Commands;

/// <summary>
/// The PNG plots of a <see cref="SupernetReport"/>: jaccard.png, sharing-by-layer.png, loss-curves.png (the compared
/// study dashed), entropy.png and validation-accuracy.png.
/// </summary>
internal static class SupernetReportPlots
{
    /// <summary>The files written, in order.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["jaccard.png", "sharing-by-layer.png", "loss-curves.png", "entropy.png", "validation-accuracy.png"];

    /// <summary>The plot of the final model's training loss per domain, written when a study's job trained one.</summary>
    public const string FinalLossFile = "final-loss-curves.png";

    /// <summary>Writes the plots into <paramref name="directory"/>; returns their full paths in <see cref="FileNames"/>' order.</summary>
    public static IReadOnlyList<string> Write(SupernetReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        var study = report.Study;
        var title = $"Study {study.StudyId} ({study.Spec.Algorithm.Name})";
        var jaccard = new HeatmapChart($"{title}: Jaccard similarity of the domains' argmax paths", "domain", "domain")
            .Save(Path.Combine(directory, FileNames[0]), study.Domains, report.Jaccard);

        var bars = new BarChart($"{title}: nodes shared by two or more domains, per layer", "layer (stage, block)", "shared fraction of the layer's nodes");
        foreach (var (layer, nodes, shared, fraction) in report.Sharing)
        {
            bars.AddBar(layer, fraction, string.Create(CultureInfo.InvariantCulture, $"{shared}/{nodes}"));
        }

        var sharing = bars.Save(Path.Combine(directory, FileNames[1]), top: 1);
        var loss = Curves(report, $"{title}: train loss per domain", "train loss", "train_loss", Path.Combine(directory, FileNames[2]), ScottPlot.Alignment.UpperRight);
        var entropy = Curves(report, $"{title}: controller entropy per domain", "entropy (nats)", "entropy", Path.Combine(directory, FileNames[3]), ScottPlot.Alignment.UpperRight);
        var accuracy = Curves(report, $"{title}: one-shot validation accuracy per domain", "validation accuracy (%)", "validation_accuracy", Path.Combine(directory, FileNames[4]), ScottPlot.Alignment.LowerRight);
        if (!report.Studies.Any(s => study.Domains.Any(d => s.Series($"final.{d}", "train_loss").Count > 0)))
        {
            return [jaccard, sharing, loss, entropy, accuracy];
        }

        var final = Curves(report, $"{title}: the final model's train loss per domain (from scratch, after the search)", "train loss", "train_loss", Path.Combine(directory, FinalLossFile), ScottPlot.Alignment.UpperRight, "final.");
        return [jaccard, sharing, loss, entropy, accuracy, final];
    }

    private static string Curves(SupernetReport report, string title, string yLabel, string metric, string path, ScottPlot.Alignment legend, string prefix = "")
    {
        var chart = new CurveChart(report.Compare is null ? title : $"{title} (dashed: {report.Compare.StudyId})", "step", yLabel);
        var studies = report.Studies;
        for (var s = 0; s < studies.Count; s++)
        {
            for (var d = 0; d < report.Study.Domains.Count; d++)
            {
                var domain = report.Study.Domains[d];
                var name = report.Compare is null && metric != "train_loss" ? domain : $"{domain} ({Setting(report, studies[s])})";
                chart.AddLine(name, [.. studies[s].Series(prefix + domain, metric).Select(p => new ChartPoint(p.Step, p.Value))], d, dashed: s > 0);
            }
        }

        return chart.Save(path, legend);
    }

    /// <summary>A study's loss combination, with its id when both compared studies combine the losses alike.</summary>
    private static string Setting(SupernetReport report, SupernetStudy study) =>
        report.Compare is { } other && other.LossCombination == report.Study.LossCombination ? $"{study.StudyId}: {study.LossCombination}" : study.LossCombination;
}
