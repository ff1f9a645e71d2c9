using System.Text.Json;

namespace NasOrleans.Storage.Postgres;

/// <summary>How values are written to and read from PostgreSQL columns.</summary>
internal static class PostgresValues
{
    /// <summary>A timestamp as UTC ticks (exact; <c>timestamptz</c> would keep microseconds only).</summary>
    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    /// <summary>A nullable timestamp as UTC ticks.</summary>
    public static long? Ticks(DateTimeOffset? value) => value?.UtcTicks;

    /// <summary>UTC ticks back to a timestamp (offset zero).</summary>
    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>A NaN stored as null, as the SQLite store does.</summary>
    public static double? WithoutNaN(double? value) => value is { } v && double.IsNaN(v) ? null : value;

    /// <summary>Metrics as a JSON object (NaN and infinities as named literals).</summary>
    public static string FormatMetrics(IReadOnlyDictionary<string, double>? metrics) =>
        metrics is null || metrics.Count == 0
            ? "{}"
            : JsonSerializer.Serialize(metrics, StorageJsonContext.Default.IReadOnlyDictionaryStringDouble);

    /// <summary>Metrics from a JSON object (jsonb writes numbers in plain decimal; they parse back to the same doubles).</summary>
    public static Dictionary<string, double> ParseMetrics(string json) =>
        json is "{}" or ""
            ? new Dictionary<string, double>()
            : JsonSerializer.Deserialize(json, StorageJsonContext.Default.DictionaryStringDouble) ?? new Dictionary<string, double>();

    /// <summary>A string map as a JSON object.</summary>
    public static string FormatStrings(IReadOnlyDictionary<string, string>? values) =>
        values is null || values.Count == 0
            ? "{}"
            : JsonSerializer.Serialize(values, StorageJsonContext.Default.IReadOnlyDictionaryStringString);

    /// <summary>A string map from a JSON object.</summary>
    public static Dictionary<string, string> ParseStrings(string json) =>
        json is "{}" or ""
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize(json, StorageJsonContext.Default.DictionaryStringString) ?? new Dictionary<string, string>();

    /// <summary>A value for a parameter: <see cref="DBNull"/> for null.</summary>
    public static object OrNull<T>(T? value)
        where T : struct => value is { } v ? v : DBNull.Value;

    /// <summary>A value for a parameter: <see cref="DBNull"/> for null.</summary>
    public static object OrNull(string? value) => value is null ? DBNull.Value : value;
}
