using System.Globalization;

namespace NasOrleans.Core.Strategies;

/// <summary>A documented parameter with its default and bounds; <see cref="Check"/> tells what is wrong with a value.</summary>
public sealed record ParameterDescriptor(
    string Name,
    ParameterKind Kind,
    string Default,
    string Description,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>Null when <paramref name="value"/> is acceptable, else the problem in words.</summary>
    public string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (Kind)
        {
            case ParameterKind.Integer:
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
                {
                    return $"'{value}' is not a whole number";
                }

                return CheckRange(l);
            case ParameterKind.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                {
                    return $"'{value}' is not a number";
                }

                return CheckRange(d);
            case ParameterKind.Boolean:
                return bool.TryParse(value, out _) ? null : $"'{value}' is not true or false";
            default:
                return Choices is { Count: > 0 } && !Choices.Contains(value, StringComparer.Ordinal)
                    ? $"'{value}' is not one of {string.Join(", ", Choices)}"
                    : null;
        }
    }

    private string? CheckRange(double v)
    {
        if (Min is { } min && v < min)
        {
            return $"{v.ToString(CultureInfo.InvariantCulture)} is below the minimum {min.ToString(CultureInfo.InvariantCulture)}";
        }

        if (Max is { } max && v > max)
        {
            return $"{v.ToString(CultureInfo.InvariantCulture)} is above the maximum {max.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }
}
