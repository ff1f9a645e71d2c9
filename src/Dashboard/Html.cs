using System.Globalization;
using System.Net;

namespace NasOrleans.Dashboard;

/// <summary>HTML encoding and number formatting for the pages: everything a user or a trainer wrote goes through <see cref="E"/>.</summary>
internal static class Html
{
    /// <summary>The text, HTML-encoded (element content and quoted attribute values).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A path segment, URL-encoded and then HTML-encoded (for href and action attributes).</summary>
    public static string Segment(string text) => E(Uri.EscapeDataString(text));

    /// <summary>A number in a short invariant form ("—" for none).</summary>
    public static string Number(double? value) => value switch
    {
        null => "—",
        { } v when double.IsNaN(v) => "NaN",
        { } v when v != 0 && (Math.Abs(v) >= 1e6 || Math.Abs(v) < 1e-3) => v.ToString("0.###e+0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>An integer, invariant.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A time, ISO 8601 in UTC to the second.</summary>
    public static string Time(DateTimeOffset? value) =>
        value is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "—";
}
