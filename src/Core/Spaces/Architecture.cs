using System.Collections.Immutable;
using System.Globalization;

namespace NasOrleans.Core.Spaces;

/// <summary>
/// An assignment of every decision of a space: for a categorical decision the choice's index,
/// for an integer or float decision the number, NaN for a decision whose condition does not hold.
/// </summary>
public sealed class Architecture : IEquatable<Architecture>
{
    /// <summary>Creates an architecture from its values, in the space's decision order.</summary>
    public Architecture(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = [.. values];
        Key = string.Join(',', Values.Select(v => double.IsNaN(v) ? "-" : v.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>The values, one per decision of the space.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>A compact text form of the values that identifies the architecture within its space.</summary>
    public string Key { get; }

    /// <summary>The value of decision <paramref name="index"/>.</summary>
    public double this[int index] => Values[index];

    /// <summary>Parses <see cref="Key"/>.</summary>
    public static Architecture FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Architecture(key.Split(',').Select(p => p == "-" ? double.NaN : double.Parse(p, CultureInfo.InvariantCulture)));
    }

    /// <summary>A copy with decision <paramref name="index"/> set to <paramref name="value"/>.</summary>
    public Architecture With(int index, double value)
    {
        var builder = Values.ToBuilder();
        builder[index] = value;
        return new Architecture(builder);
    }

    /// <inheritdoc />
    public bool Equals(Architecture? other) => other is not null && Key == other.Key;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Architecture);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <inheritdoc />
    public override string ToString() => Key;
}
