using System.Globalization;
using System.Text.Json;

namespace NasOrleans.Storage.Sqlite;

/// <summary>How values are written to and read from SQLite columns.</summary>
internal static class SqliteValues
{
    // Fixed width, UTC, full tick precision: text order is time order, and values round-trip exactly.
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>ISO-8601 UTC with 7 fractional digits, e.g. <c>2025-01-31T12:00:00.0000000Z</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses <see cref="FormatTimestamp"/>'s output (any ISO-8601 text is accepted).</summary>
    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTime.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A nullable value for a parameter (SQLite cannot hold NaN: it is stored as NULL).</summary>
    public static object OrNull(double? value) => value is { } v && !double.IsNaN(v) ? v : DBNull.Value;

    /// <summary>A nullable value for a parameter.</summary>
    public static object OrNull(long? value) => value is { } v ? v : DBNull.Value;

    /// <summary>A nullable value for a parameter.</summary>
    public static object OrNull(string? value) => value is null ? DBNull.Value : value;

    /// <summary>A nullable timestamp for a parameter.</summary>
    public static object OrNull(DateTimeOffset? value) => value is { } v ? FormatTimestamp(v) : DBNull.Value;
}
