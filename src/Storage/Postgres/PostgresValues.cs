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

    /// <summary>A value for a parameter: <see cref="DBNull"/> for null.</summary>
    public static object OrNull<T>(T? value)
        where T : struct => value is { } v ? v : DBNull.Value;

    /// <summary>A value for a parameter: <see cref="DBNull"/> for null.</summary>
    public static object OrNull(string? value) => value is null ? DBNull.Value : value;
}
