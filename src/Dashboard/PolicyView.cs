using System.Globalization;
using System.Text;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>What a study's controller learned (reinforce, ppo, tabnas, ...): each decision's likeliest actions, as <c>nas show --policy</c> prints them.</summary>
internal static class PolicyView
{
    /// <summary>The most actions shown per decision, likeliest first.</summary>
    private const int ShownActions = 5;

    /// <summary>The policy section.</summary>
    public static string Render(PolicySnapshot policy)
    {
        var rows = new StringBuilder();
        foreach (var d in policy.Decisions)
        {
            if (d.Probabilities.Count == 0)
            {
                rows.Append($"<tr><th>{Html.E(d.Decision)}</th><td colspan=\"2\"><i>sampled uniformly (not learned)</i></td></tr>\n");
                continue;
            }

            var top = d.Actions.Zip(d.Probabilities).OrderByDescending(a => a.Second).Take(ShownActions).ToList();
            var first = true;
            foreach (var (action, probability) in top)
            {
                var p = probability.ToString("0.000", CultureInfo.InvariantCulture);
                var name = first ? $"<th rowspan=\"{Html.Int(top.Count)}\">{Html.E(d.Decision)}" +
                    (d.Actions.Count > ShownActions ? $"<br><small>{Html.Int(d.Actions.Count)} actions</small>" : "") + "</th>" : "";
                rows.Append($"<tr>{name}<td><code>{Html.E(action)}</code></td><td><meter min=\"0\" max=\"1\" value=\"{p}\">{p}</meter> {p}</td></tr>\n");
                first = false;
            }
        }

        var entropy = double.IsNaN(policy.Entropy) ? "" : $", entropy {Html.Number(policy.Entropy)} nats";
        var argmax = policy.ArgmaxKey is null ? "" : $"<p>Most likely architecture: <code>{Html.E(policy.ArgmaxKey)}</code></p>";
        return $"""
            <section id="policy">
            <h2>Controller policy</h2>
            <p>{Html.E(policy.Algorithm)}: {Html.Int(policy.Updates)} updates from {Html.Int(policy.Observed)} observed trials, baseline {Html.Number(policy.Baseline)}{entropy}</p>
            {argmax}
            <table class="grid policy"><thead><tr><th>Decision</th><th>Action</th><th>Probability</th></tr></thead><tbody>
            {rows}</tbody></table>
            </section>
            """;
    }
}
