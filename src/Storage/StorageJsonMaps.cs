using System.Text.Json;

namespace NasOrleans.Storage;

/// <summary>The JSON form of metric and string maps in every store's rows (NaN and infinities as named literals).</summary>
internal static class StorageJsonMaps
{
    /// <summary>Metrics as a JSON object.</summary>
    public static string FormatMetrics(IReadOnlyDictionary<string, double>? metrics) =>
        metrics is null || metrics.Count == 0
            ? "{}"
            : JsonSerializer.Serialize(metrics, StorageJsonContext.Default.IReadOnlyDictionaryStringDouble);

    /// <summary>Metrics from a JSON object (numbers written in plain decimal parse back to the same doubles).</summary>
    public static Dictionary<string, double> ParseMetrics(string json) =>
        json is "{}" or ""
            ? new Dictionary<string, double>()
            : JsonSerializer.Deserialize(json, StorageJsonContext.Default.DictionaryStringDouble) ?? new Dictionary<string, double>();

    /// <summary>A string map (data checksums) as a JSON object.</summary>
    public static string FormatStrings(IReadOnlyDictionary<string, string>? values) =>
        values is null || values.Count == 0
            ? "{}"
            : JsonSerializer.Serialize(values, StorageJsonContext.Default.IReadOnlyDictionaryStringString);

    /// <summary>A string map from a JSON object.</summary>
    public static Dictionary<string, string> ParseStrings(string json) =>
        json is "{}" or ""
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize(json, StorageJsonContext.Default.DictionaryStringString) ?? new Dictionary<string, string>();
}
