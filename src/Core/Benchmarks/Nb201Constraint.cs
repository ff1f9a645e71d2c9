using System.Globalization;

namespace NasOrleans.Core.Benchmarks;

/// <summary>
/// A bound on a numeric column of the NAS-Bench-201 table that is known before training, such as a measured latency
/// (<c>lat_pixel3</c>, ms): a cell is feasible when its value lies within [<see cref="Min"/>, <see cref="Max"/>].
/// Written <c>column:max=V</c>, <c>column:min=V</c> or <c>column:min=V,max=W</c>.
/// </summary>
/// <param name="Column">The table column.</param>
/// <param name="Min">The lower bound, or null.</param>
/// <param name="Max">The upper bound, or null (constrained strategies see this one as their cost limit).</param>
public sealed record Nb201Constraint(string Column, double? Min, double? Max)
{
    /// <summary>Whether a value satisfies the bounds (NaN never does).</summary>
    public bool Holds(double value) =>
        !double.IsNaN(value) && (Min is not { } min || value >= min) && (Max is not { } max || value <= max);

    /// <summary>Parses <c>column:max=V</c> and the like; throws <see cref="FormatException"/> naming the problem.</summary>
    public static Nb201Constraint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not column:max=V (or min=V, or min=V,max=W).");
        }

        double? min = null;
        double? max = null;
        foreach (var part in text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? part[..eq] : part;
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new FormatException($"'{part}' in '{text}' is not min=number or max=number.");
            }

            switch (name)
            {
                case "min":
                    min = value;
                    break;
                case "max":
                    max = value;
                    break;
                default:
                    throw new FormatException($"'{name}' in '{text}' is neither min nor max.");
            }
        }

        return min > max
            ? throw new FormatException($"'{text}': min is above max.")
            : new Nb201Constraint(text[..colon].Trim(), min, max);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Column}:{string.Join(',', new[] { Min is { } a ? $"min={a}" : null, Max is { } b ? $"max={b}" : null }.Where(p => p is not null))}");
}
