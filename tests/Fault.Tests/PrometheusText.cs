using System.Globalization;

namespace NasOrleans.Fault.Tests;

/// <summary>Reads samples out of Prometheus' text exposition format (what a silo's <c>/metrics</c> serves).</summary>
internal static class PrometheusText
{
    /// <summary>
    /// The sum of the samples of series <paramref name="name"/> whose labels contain every one of <paramref name="labels"/>
    /// (<c>key="value"</c>), or null when there is no such sample.
    /// </summary>
    public static double? Value(string text, string name, params string[] labels)
    {
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[name.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                continue; // a longer name with this prefix
            }

            var labelText = rest[0] == '{' ? rest[1..rest.IndexOf('}', StringComparison.Ordinal)] : "";
            if (!labels.All(l => labelText.Split(',').Contains(l)))
            {
                continue;
            }

            var value = rest[(rest.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
