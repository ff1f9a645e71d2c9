using System.Text;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>The studies list: status, progress (trained of max), best objective value; rows update while studies run.</summary>
internal static class StudiesPage
{
    /// <summary>The list's body.</summary>
    public static string Render(string prefix, IReadOnlyList<StudySummary> studies)
    {
        if (studies.Count == 0)
        {
            return """<h1>Studies</h1><p id="no-studies">No studies yet. Submit one with <code>nas submit SPEC.yaml</code>.</p>""";
        }

        var rows = new StringBuilder();
        foreach (var s in studies)
        {
            var p = StudyProgress.Of(s);
            rows.Append($"""
                <tr data-study="{Html.E(s.StudyId)}">
                <td><a href="{Html.E(prefix)}/studies/{Html.Segment(s.StudyId)}">{Html.E(s.StudyId)}</a></td>
                <td><span class="status status-{p.Status}" data-live="status">{p.Status}</span></td>
                <td class="num"><span data-live="trained">{Html.Int(p.Trained)}</span>/<span data-live="max">{Html.Int(p.Max)}</span></td>
                <td class="num" data-live="best">{Html.Number(p.Best)}</td>
                <td>{Html.E(s.Objective)}</td>
                <td>{Html.E(s.Algorithm)}</td>
                <td>{Html.E(s.Owner)}</td>
                <td data-live="updated">{Html.E(p.Updated)}</td>
                </tr>
                """);
        }

        return $"""
            <h1>Studies</h1>
            <table id="studies" class="grid" data-live-url="{Html.E(prefix)}/api/studies">
            <thead><tr><th>Study</th><th>Status</th><th>Trained</th><th>Best</th><th>Objective</th><th>Algorithm</th><th>Owner</th><th>Updated</th></tr></thead>
            <tbody>
            {rows}
            </tbody>
            </table>
            """;
    }
}
