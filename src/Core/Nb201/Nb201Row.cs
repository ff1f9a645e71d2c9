using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Nb201;

/// <summary>One architecture of the NAS-Bench-201 table: its identity and every numeric column, by name.</summary>
public sealed class Nb201Row
{
    private readonly IReadOnlyDictionary<string, int> _columns;
    private readonly double[] _values;

    internal Nb201Row(int archIndex, string archString, Architecture architecture, string uniqueString, IReadOnlyList<string> columnNames, IReadOnlyDictionary<string, int> columns, double[] values)
    {
        Columns = columnNames;
        ArchIndex = archIndex;
        ArchString = archString;
        Architecture = architecture;
        UniqueString = uniqueString;
        _columns = columns;
        _values = values;
    }

    /// <summary>The NAS-Bench-201 / NATS-Bench topology index (0..15624).</summary>
    public int ArchIndex { get; }

    /// <summary>The cell string (<c>arch_str</c>).</summary>
    public string ArchString { get; }

    /// <summary>The cell as an architecture of <see cref="Nb201Space"/>.</summary>
    public Architecture Architecture { get; }

    /// <summary>The isomorphism class as the table records it (<c>unique_str</c>).</summary>
    public string UniqueString { get; }

    /// <summary>The numeric columns, by name, in the file's order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The value of a numeric column (NaN where the file leaves it empty); throws <see cref="ArgumentException"/> naming the known columns.</summary>
    public double Value(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _columns.TryGetValue(column, out var index)
            ? _values[index]
            : throw new ArgumentException($"The NAS-Bench-201 table has no numeric column '{column}'; known: {string.Join(", ", Columns)}.", nameof(column));
    }

    /// <summary>The value of a numeric column, or false when the table has no such column.</summary>
    public bool TryGetValue(string column, out double value)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_columns.TryGetValue(column, out var index))
        {
            value = _values[index];
            return true;
        }

        value = double.NaN;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ArchIndex} {ArchString}";
}
