using System.Text;
using Microsoft.AspNetCore.Http;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>
/// A study's page: its standing (updated while it runs), the reproducibility record, cancel and extend for a key that
/// may write, the plots, the controller's policy and a page of the trials table.
/// </summary>
internal static class StudyPage
{
    /// <summary>The page's body; <paramref name="policy"/> and <paramref name="policyError"/> are null for algorithms without a controller.</summary>
    public static string Render(
        HttpContext context, string prefix, StudySummary s, string? spec, DashboardUser user, string trials, PolicySnapshot? policy, string? policyError, string? notice)
    {
        var p = StudyProgress.Of(s);
        var objective = StudyObjective.Of(s);
        var id = Html.Segment(s.StudyId);
        var checksums = new StringBuilder();
        foreach (var (file, sum) in s.DataChecksums.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            checksums.Append($"<tr><th>data {Html.E(file)}</th><td><code>{Html.E(sum)}</code></td></tr>");
        }

        var actions = "";
        if (user.CanWrite)
        {
            var token = DashboardLayout.AntiforgeryField(context);
            var cancel = s.Status == StudyStatus.Running
                ? $"""<form method="post" action="{Html.E(prefix)}/studies/{id}/cancel" class="inline">{token}<button type="submit" id="cancel" class="danger">Cancel study</button></form>"""
                : "";
            var extend = s.Status is StudyStatus.Cancelled or StudyStatus.Failed ? "" : $"""
                <form method="post" action="{Html.E(prefix)}/studies/{id}/extend" class="inline">{token}
                <label>Add <input type="number" name="trials" id="extend-trials" min="1" value="10" required> trials</label>
                <button type="submit" id="extend">Extend</button></form>
                """;
            actions = $"""<section id="actions">{cancel} {extend}</section>""";
        }

        var message = s.Message is null ? "" : $"""<p class="message" data-live="message">{Html.E(s.Message)}</p>""";
        var noticeHtml = notice is null ? "" : $"""<p class="notice" id="notice">{Html.E(notice)}</p>""";
        var policyHtml = policy is not null ? PolicyView.Render(policy)
            : policyError is not null ? $"""<section id="policy"><h2>Controller policy</h2><p class="error">{Html.E(policyError)}</p></section>""" : "";
        return $"""
            <h1>{Html.E(s.StudyId)}</h1>
            {noticeHtml}
            <section id="summary" data-live-url="{Html.E(prefix)}/api/studies/{id}" data-study="{Html.E(s.StudyId)}">
            <p class="progress"><span class="status status-{p.Status}" data-live="status">{p.Status}</span>
            <b><span data-live="trained" id="trained">{Html.Int(p.Trained)}</span>/<span data-live="max" id="max">{Html.Int(p.Max)}</span></b> trained
            (<span data-live="completed">{Html.Int(p.Completed)}</span> completed, <span data-live="failed">{Html.Int(p.Failed)}</span> failed,
            <span data-live="cached">{Html.Int(p.Cached)}</span> cached, <span data-live="running">{Html.Int(p.Running)}</span> running,
            <span data-live="pending">{Html.Int(p.Pending)}</span> pending) · best {Html.E(objective.Metric)}
            <b data-live="best" id="best">{Html.Number(p.Best)}</b> ({objective.Direction})</p>
            {message}
            </section>
            {actions}
            <section id="record">
            <h2>Reproducibility record</h2>
            <table class="kv">
            <tr><th>objective</th><td>{Html.E(s.Objective)}</td></tr>
            <tr><th>algorithm</th><td>{Html.E(s.Algorithm)}</td></tr>
            <tr><th>seed</th><td><code id="seed">{s.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}</code></td></tr>
            <tr><th>spec</th><td><code id="spec-hash">sha256:{Html.E(s.SpecHash)}</code></td></tr>
            <tr><th>product version</th><td><code>nas {Html.E(s.ProductVersion)}</code></td></tr>
            {checksums}
            <tr><th>owner</th><td>{Html.E(s.Owner.Length > 0 ? s.Owner : "(inside the cluster)")}</td></tr>
            <tr><th>budget</th><td>{Html.Int(s.MaxTrials)} trials{(s.ExtraTrials > 0 ? $" ({Html.Int(s.ExtraTrials)} added by extensions)" : "")}</td></tr>
            <tr><th>created / updated</th><td>{Html.Time(s.CreatedAt)} / <span data-live="updated">{Html.E(p.Updated)}</span></td></tr>
            </table>
            <details><summary>Spec (canonical JSON)</summary><pre id="spec">{Html.E(spec)}</pre></details>
            </section>
            <section id="charts" data-charts-url="{Html.E(prefix)}/api/studies/{id}/charts">
            <h2>Plots</h2>
            <p class="chart-note" id="charts-note">Loading plots…</p>
            <div class="chart" id="chart-best"></div>
            <div id="chart-scatter"></div>
            <div class="chart" id="chart-curves"></div>
            </section>
            {policyHtml}
            {trials}
            """;
    }
}
