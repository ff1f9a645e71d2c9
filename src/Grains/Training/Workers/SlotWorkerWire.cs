using System.Text.Json;
using System.Text.Json.Serialization;

namespace NasOrleans.Grains.Training.Workers;

/// <summary>
/// Writes and reads <see cref="SlotWorkerMessage"/> lines. Each protocol line starts with <see cref="Prefix"/>, so that
/// whatever native code prints on the worker's standard output (libtorch, CUDA) is told apart and logged, not parsed.
/// </summary>
public static class SlotWorkerWire
{
    /// <summary>The start of every protocol line.</summary>
    public const string Prefix = "@nas-worker ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The line for <paramref name="message"/>, prefix included.</summary>
    public static string Format(SlotWorkerMessage message) => Prefix + JsonSerializer.Serialize(message, Json);

    /// <summary>Writes <paramref name="message"/> as one line and flushes.</summary>
    public static async Task WriteAsync(TextWriter writer, SlotWorkerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(Format(message).AsMemory(), cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The message on <paramref name="line"/>; null for a line that is not the protocol's (native output).</summary>
    /// <exception cref="JsonException">The line has the prefix but no valid message after it.</exception>
    public static SlotWorkerMessage? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.StartsWith(Prefix, StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<SlotWorkerMessage>(line.AsSpan(Prefix.Length), Json) ?? throw new JsonException("an empty worker message")
            : null;
    }
}
