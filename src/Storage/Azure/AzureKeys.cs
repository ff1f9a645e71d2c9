using System.Globalization;
using System.Text;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// The partition and row keys of the Azure tables. Keys may not hold '/', '\', '#', '?' or control characters, so
/// those (and '%', '|', '~') are written as %XX of their UTF-8 bytes; numbers are written so that the ordinal order of
/// the keys is their numeric order. Row kinds in a study's partition differ by a prefix: <c>t_</c> trials,
/// <c>m_</c> measurements, <c>c_</c> completion log, <c>e_</c> strategy events, <c>s_</c> strategy snapshots,
/// <c>a_</c> artifact heads, <c>v_</c> artifact versions.
/// </summary>
internal static class AzureKeys
{
    public const string Trial = "t_";
    public const string Measurement = "m_";
    public const string Completion = "c_";
    public const string Event = "e_";
    public const string Snapshot = "s_";
    public const string ArtifactHead = "a_";
    public const string ArtifactVersion = "v_";

    /// <summary>The single partition of the studies table.</summary>
    public const string StudiesPartition = "studies";

    /// <summary>A key segment for <paramref name="value"/>, reversible with <see cref="Decode"/>.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsPlain(c))
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(value, 0, i, value.Length + 16);
            var length = char.IsSurrogatePair(value, i) ? 2 : 1;
            foreach (var b in Encoding.UTF8.GetBytes(value.Substring(i, length)))
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            i += length - 1;
        }

        return builder?.ToString() ?? value;
    }

    /// <summary>The value <see cref="Encode"/> was given.</summary>
    public static string Decode(string key) => key.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(key) : key;

    /// <summary>A long as 20 digits whose ordinal order is the numeric order (negative numbers included).</summary>
    public static string Number(long value) => ((ulong)value ^ 0x8000_0000_0000_0000UL).ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>The long <see cref="Number"/> wrote.</summary>
    public static long ParseNumber(ReadOnlySpan<char> digits) => (long)(ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) ^ 0x8000_0000_0000_0000UL);

    /// <summary>The row key of a trial.</summary>
    public static string TrialRow(long trialId) => Trial + Number(trialId);

    /// <summary>The row key of a measurement.</summary>
    public static string MeasurementRow(long trialId, long step) => Measurement + Number(trialId) + "_" + Number(step);

    /// <summary>The row key of a strategy event.</summary>
    public static string EventRow(string strategy, long sequence) => EventPrefix(strategy) + Number(sequence);

    /// <summary>The common start of the row keys of a strategy's events.</summary>
    public static string EventPrefix(string strategy) => Event + Encode(strategy) + "|";

    /// <summary>The row key of a strategy's snapshot.</summary>
    public static string SnapshotRow(string strategy) => Snapshot + Encode(strategy);

    /// <summary>The row key of an artifact's head (its latest version).</summary>
    public static string HeadRow(string name) => ArtifactHead + ArtifactKey(name);

    /// <summary>The row key of one kept version of an artifact.</summary>
    public static string VersionRow(string name, long version) => VersionPrefix(name) + Number(version);

    /// <summary>The common start of the row keys of an artifact's versions.</summary>
    public static string VersionPrefix(string name) => ArtifactVersion + ArtifactKey(name) + "|";

    /// <summary>
    /// An artifact name as a key segment: '/' (the only character of <see cref="ArtifactNames"/> a key may not hold)
    /// becomes '!', which no name holds, so a 256-character name stays 256 characters (well inside the 1 KiB of a key).
    /// </summary>
    public static string ArtifactKey(string name) => name.Replace('/', '!');

    /// <summary>A filter for the row keys of <paramref name="partition"/> that start with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string partition, string prefix) =>
        $"PartitionKey eq '{Quote(partition)}' and RowKey ge '{Quote(prefix)}' and RowKey lt '{Quote(prefix[..^1] + (char)(prefix[^1] + 1))}'";

    /// <summary>A value quoted for an OData filter.</summary>
    public static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    private static bool IsPlain(char c) =>
        c is >= ' ' and < (char)0x7F and not ('/' or '\\' or '#' or '?' or '%' or '|' or '~' or '\'');
}
