using System.Text.Json.Serialization;

namespace NasOrleans.Storage;

/// <summary>
/// Source-generated JSON for the columns the stores keep as JSON (metrics, data checksums). Doubles are written in
/// their shortest round-trip form; NaN and infinities as the named literals, so they neither crash nor get lost.
/// </summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
