using System.Collections.Concurrent;
using System.Globalization;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Nb201;

/// <summary>
/// The NAS-Bench-201 results table (<c>nb201.csv</c>): one row per cell, looked up by architecture or cell string.
/// Every column other than <c>arch_index</c>, <c>arch_str</c> and <c>unique_str</c> is numeric and read by name,
/// so columns added to the file are usable without code changes. Immutable once loaded, so safe to share between threads.
/// </summary>
public sealed class Nb201Table
{
    /// <summary>The file's path relative to the shared data folder.</summary>
    public const string SharedRelativePath = "data/nasbench201/nb201.csv";

    private static readonly ConcurrentDictionary<string, Lazy<Nb201Table>> Cache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _columns;
    private readonly Dictionary<string, Nb201Row> _byKey;
    private readonly Dictionary<string, Nb201Row> _byArchString;

    private Nb201Table(string path, IReadOnlyList<string> columns, List<Nb201Row> rows)
    {
        Path = path;
        NumericColumns = columns;
        _columns = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        Rows = rows;
        _byKey = rows.ToDictionary(r => r.Architecture.Key, StringComparer.Ordinal);
        _byArchString = rows.ToDictionary(r => r.ArchString, StringComparer.Ordinal);
    }

    /// <summary>The file the table was read from (full path).</summary>
    public string Path { get; }

    /// <summary>The rows, in the file's order (NAS-Bench-201 index order).</summary>
    public IReadOnlyList<Nb201Row> Rows { get; }

    /// <summary>The numeric columns, in the file's order.</summary>
    public IReadOnlyList<string> NumericColumns { get; }

    /// <summary>
    /// The table at <paramref name="path"/>, read once per full path per process and shared by every caller
    /// (thread-safe; a failed read is not cached, so a later call tries again).
    /// </summary>
    public static Nb201Table Shared(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var lazy = Cache.GetOrAdd(full, p => new Lazy<Nb201Table>(() => Load(p), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(new KeyValuePair<string, Lazy<Nb201Table>>(full, lazy));
            throw;
        }
    }

    /// <summary>
    /// Reads the table at <paramref name="path"/>. A missing file throws <see cref="FileNotFoundException"/> naming the
    /// path and the ways to point at the shared data; a malformed file throws <see cref="FormatException"/> naming the line.
    /// </summary>
    public static Nb201Table Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        EnsureExists(full);

        using var reader = new StreamReader(full);
        var header = reader.ReadLine() ?? throw new FormatException($"'{full}' is empty; expected a CSV header.");
        var names = header.Split(',');
        int Required(string name) => Array.IndexOf(names, name) is var i and >= 0
            ? i
            : throw new FormatException($"'{full}' has no column '{name}'.");
        var indexColumn = Required("arch_index");
        var archColumn = Required("arch_str");
        var uniqueColumn = Required("unique_str");
        var numeric = Enumerable.Range(0, names.Length).Where(i => i != indexColumn && i != archColumn && i != uniqueColumn).ToArray();
        var numericNames = numeric.Select(i => names[i]).ToArray();
        var columnMap = numericNames.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

        var rows = new List<Nb201Row>(15_625);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != names.Length)
            {
                throw new FormatException($"'{full}' line {lineNumber}: {cells.Length} fields, the header has {names.Length}.");
            }

            var values = new double[numeric.Length];
            for (var i = 0; i < numeric.Length; i++)
            {
                var text = cells[numeric[i]];
                values[i] = text.Length == 0 ? double.NaN
                    : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                    : throw new FormatException($"'{full}' line {lineNumber}: '{text}' in column '{names[numeric[i]]}' is not a number.");
            }

            if (!int.TryParse(cells[indexColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var archIndex))
            {
                throw new FormatException($"'{full}' line {lineNumber}: arch_index '{cells[indexColumn]}' is not a whole number.");
            }

            Architecture architecture;
            try
            {
                architecture = Nb201Space.ParseArchString(cells[archColumn]);
            }
            catch (FormatException e)
            {
                throw new FormatException($"'{full}' line {lineNumber}: {e.Message}", e);
            }

            rows.Add(new Nb201Row(archIndex, cells[archColumn], architecture, cells[uniqueColumn], numericNames, columnMap, values));
        }

        return new Nb201Table(full, numericNames, rows);
    }

    /// <summary>
    /// Throws <see cref="FileNotFoundException"/> when there is no file at <paramref name="path"/>, naming the path
    /// and the three ways to point at the shared data folder.
    /// </summary>
    public static void EnsureExists(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException(
                $"The NAS-Bench-201 table '{full}' does not exist. Point at the shared data folder with --data <dir>, " +
                $"or set {SharedDirectory.EnvironmentVariable}, or put the folder 'shared' beside the repository root " +
                $"(../shared); the table is '{SharedRelativePath}' inside it. Or give the trainer's 'table' parameter.",
                full);
        }
    }

    /// <summary>The row of <paramref name="architecture"/> (by its <see cref="Architecture.Key"/>), or null.</summary>
    public Nb201Row? Find(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return _byKey.GetValueOrDefault(architecture.Key);
    }

    /// <summary>The row of a cell string such as <c>|nor_conv_3x3~0|+|...|</c>, or null.</summary>
    public Nb201Row? Find(string archString)
    {
        ArgumentNullException.ThrowIfNull(archString);
        return _byArchString.GetValueOrDefault(archString);
    }

    /// <summary>The row of <paramref name="architecture"/>; throws <see cref="KeyNotFoundException"/> when the table lacks it.</summary>
    public Nb201Row Get(Architecture architecture) =>
        Find(architecture) ?? throw new KeyNotFoundException($"The NAS-Bench-201 table has no row for {Nb201Space.ToArchString(architecture)}.");

    /// <summary>Whether the table has a numeric column named <paramref name="column"/>.</summary>
    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>The value of <paramref name="column"/> in <paramref name="row"/>.</summary>
    public double Value(Nb201Row row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Value(column);
    }

    /// <summary>A numeric column over all rows, in row order.</summary>
    public double[] Column(string column)
    {
        if (!HasColumn(column))
        {
            throw new ArgumentException($"The NAS-Bench-201 table has no numeric column '{column}'; known: {string.Join(", ", NumericColumns)}.", nameof(column));
        }

        return [.. Rows.Select(r => r.Value(column))];
    }
}
