using System.Text;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>
/// One page of a study's trials (at most <see cref="DashboardNames.TrialsPageSize"/> rows, read from the store page by
/// page, never all of them), with the order and status form and previous/next links.
/// </summary>
internal static class TrialsTable
{
    /// <summary>The most metric columns beside the objective.</summary>
    private const int MetricColumns = 6;

    /// <summary>The most characters of an architecture shown in a cell (all of it in the cell's title).</summary>
    private const int ArchitectureChars = 60;

    /// <summary>The table section; <paramref name="page"/> holds up to one row more than a page (that row only says a next page exists).</summary>
    public static string Render(string prefix, StudySummary summary, TrialsView view, IReadOnlyList<TrialRecord> page)
    {
        var objective = StudyObjective.Of(summary);
        var shown = page.Take(DashboardNames.TrialsPageSize).ToList();
        var metrics = shown.SelectMany(t => t.Metrics.Keys).Where(k => k != objective.Metric).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Take(MetricColumns).ToList();
        var head = new StringBuilder($"<th>Trial</th><th>Status</th><th>{Html.E(objective.Metric.Length > 0 ? objective.Metric : "objective")}</th>");
        metrics.ForEach(m => head.Append($"<th>{Html.E(m)}</th>"));
        head.Append("<th>Attempt</th><th>Seconds</th><th>Trainer</th><th>Architecture</th><th>Error</th>");

        var rows = new StringBuilder();
        foreach (var t in shown)
        {
            var value = objective.Metric.Length > 0 && t.Metrics.TryGetValue(objective.Metric, out var v) ? v : objective.Value(t.Score);
            var arch = t.Display ?? t.ArchitectureKey;
            var cut = arch.Length > ArchitectureChars ? arch[..ArchitectureChars] + "…" : arch;
            rows.Append($"<tr data-trial=\"{Html.Int(t.TrialId)}\"><td class=\"num\">{Html.Int(t.TrialId)}</td>")
                .Append($"<td><span class=\"status status-{t.Status.ToString().ToLowerInvariant()}\">{t.Status.ToString().ToLowerInvariant()}</span>")
                .Append(t.SourceTrialId is { } source ? $" <small>of {Html.Int(source)}</small>" : "").Append("</td>")
                .Append($"<td class=\"num\">{Html.Number(value)}</td>");
            metrics.ForEach(m => rows.Append($"<td class=\"num\">{Html.Number(t.Metrics.TryGetValue(m, out var x) ? x : null)}</td>"));
            rows.Append($"<td class=\"num\">{Html.Int(t.Attempt)}</td><td class=\"num\">{Html.Number(t.DurationSeconds)}</td><td>{Html.E(t.Trainer)}</td>")
                .Append($"<td title=\"{Html.E(arch)}\"><code>{Html.E(cut)}</code></td><td class=\"error-cell\">{Html.E(t.Error)}</td></tr>\n");
        }

        var statuses = new StringBuilder($"<option value=\"all\"{Selected(view.Status is null)}>all</option>");
        foreach (var s in TrialsView.Statuses)
        {
            statuses.Append($"<option value=\"{s}\"{Selected(view.StatusText == s)}>{s}</option>");
        }

        var previous = view.Offset > 0
            ? $"""<a id="trials-prev" href="{view.Link(prefix, summary.StudyId, Math.Max(0, view.Offset - DashboardNames.TrialsPageSize))}">← previous</a>"""
            : """<span class="disabled">← previous</span>""";
        var next = page.Count > DashboardNames.TrialsPageSize
            ? $"""<a id="trials-next" href="{view.Link(prefix, summary.StudyId, view.Offset + DashboardNames.TrialsPageSize)}">next →</a>"""
            : """<span class="disabled">next →</span>""";
        var range = shown.Count == 0 ? "no trials" : $"rows {Html.Int(view.Offset + 1)}–{Html.Int(view.Offset + shown.Count)}";
        return $"""
            <section id="trials">
            <h2>Trials</h2>
            <form method="get" action="{Html.E(prefix)}/studies/{Html.Segment(summary.StudyId)}" class="filters">
            <label>Order <select name="order" id="trials-order"><option value="id"{Selected(view.Order == TrialOrder.ById)}>by id</option><option value="best"{Selected(view.Order == TrialOrder.ByScore)}>best first</option></select></label>
            <label>Status <select name="status" id="trials-status">{statuses}</select></label>
            <button type="submit" id="trials-apply">Show</button>
            </form>
            <p class="pager">{previous} <span id="trials-range">{range}</span> {next}</p>
            <table class="grid" id="trials-table">
            <thead><tr>{head}</tr></thead>
            <tbody>
            {rows}</tbody>
            </table>
            </section>
            """;
    }

    private static string Selected(bool selected) => selected ? " selected" : "";
}
