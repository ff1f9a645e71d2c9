using System.Globalization;
using Azure.Data.Tables;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// Strings longer than one table property holds (64 KiB, i.e. 32 Ki UTF-16 characters) are split over the properties
/// <c>Name</c>, <c>Name_1</c>, <c>Name_2</c>, ... and joined when read. An entity holds at most 1 MiB, so
/// <see cref="CheckSize"/> rejects an entity over <see cref="MaxEntityBytes"/> before anything is written; what can be
/// larger (strategy snapshots) goes to a blob instead (see <see cref="AzureTrialStore"/>).
/// </summary>
internal static class AzureText
{
    /// <summary>Characters per property (64 KiB of UTF-16).</summary>
    public const int ChunkChars = 32 * 1024;

    /// <summary>The most bytes this store lets one entity carry (the service's limit is 1 MiB, keys and names included).</summary>
    public const int MaxEntityBytes = 960 * 1024;

    /// <summary>Sets <paramref name="name"/> (split when long); null leaves the property out.</summary>
    public static void Set(TableEntity entity, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length <= ChunkChars)
        {
            entity[name] = value;
            return;
        }

        var parts = (value.Length + ChunkChars - 1) / ChunkChars;
        entity[name] = value[..ChunkChars];
        for (var i = 1; i < parts; i++)
        {
            var start = i * ChunkChars;
            entity[PartName(name, i)] = value.Substring(start, Math.Min(ChunkChars, value.Length - start));
        }
    }

    /// <summary>The string <see cref="Set"/> wrote, or null when absent.</summary>
    public static string? Get(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || first.Length < ChunkChars || !entity.ContainsKey(PartName(name, 1)))
        {
            return first;
        }

        var builder = new System.Text.StringBuilder(first);
        for (var i = 1; entity.GetString(PartName(name, i)) is { } part; i++)
        {
            builder.Append(part);
        }

        return builder.ToString();
    }

    /// <summary>An estimate (from above) of the entity's size as the service counts it.</summary>
    public static long EstimateBytes(TableEntity entity)
    {
        long bytes = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (key, value) in entity)
        {
            bytes += 8 + (key.Length * 2) + value switch
            {
                string s => 4 + (s.Length * 2),
                byte[] b => 4 + b.Length,
                _ => 16,
            };
        }

        return bytes;
    }

    /// <summary>Throws before any write when the entity is larger than the service accepts.</summary>
    /// <exception cref="ArgumentException">The entity is too large; the message names what and the fix.</exception>
    public static void CheckSize(TableEntity entity, string what)
    {
        var bytes = EstimateBytes(entity);
        if (bytes > MaxEntityBytes)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"{what} takes about {bytes} bytes as an Azure table entity, more than the {MaxEntityBytes} this store allows (the service's limit is 1 MiB); nothing was written. Shorten its large fields (metrics, display, error, spec) or use the PostgreSQL store."));
        }
    }

    private static string PartName(string name, int index) => name + "_" + index.ToString(CultureInfo.InvariantCulture);
}
