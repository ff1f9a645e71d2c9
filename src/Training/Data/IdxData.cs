namespace NasOrleans.Training.Data;

/// <summary>The contents of an IDX file of unsigned bytes: its dimensions (the first is the item count) and its values in row-major order.</summary>
public sealed class IdxData
{
    /// <summary>Creates the contents; throws when the values do not fill the dimensions exactly.</summary>
    public IdxData(IReadOnlyList<int> dimensions, byte[] values)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(values);
        if (dimensions.Count == 0 || dimensions.Any(d => d < 0))
        {
            throw new ArgumentException("An IDX file has at least one dimension, none negative.", nameof(dimensions));
        }

        var expected = dimensions.Aggregate(1L, (acc, d) => acc * d);
        if (expected != values.LongLength)
        {
            throw new ArgumentException($"The dimensions {string.Join('x', dimensions)} need {expected} values, not {values.LongLength}.", nameof(values));
        }

        Dimensions = [.. dimensions];
        Values = values;
    }

    /// <summary>The dimensions, outermost first (for images: count, rows, columns).</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>The values, row-major.</summary>
    public byte[] Values { get; }

    /// <summary>The number of items (the first dimension).</summary>
    public int Count => Dimensions[0];

    /// <summary>Values per item (the product of the other dimensions; 1 for a vector of labels).</summary>
    public int ItemSize => Dimensions.Skip(1).Aggregate(1, (acc, d) => acc * d);
}
