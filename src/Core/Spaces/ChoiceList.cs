using System.Globalization;

namespace NasOrleans.Core.Spaces;

/// <summary>Parses a comma-separated list of choices given as a space parameter (widths, kernels, …).</summary>
internal static class ChoiceList
{
    /// <summary>Distinct positive whole numbers up to <paramref name="max"/> in their normal form; null with the problem otherwise.</summary>
    public static List<string>? PositiveIntegers(string text, int max, out string problem)
    {
        var values = new List<string>();
        var seen = new HashSet<int>();
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > Specs.SpecLimits.MaxCategoricalValues)
        {
            problem = $"{parts.Length.ToString(CultureInfo.InvariantCulture)} values; the limit is {Specs.SpecLimits.MaxCategoricalValues.ToString(CultureInfo.InvariantCulture)} (limit max_categorical_values)";
            return null;
        }

        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > max)
            {
                problem = $"'{part}' is not a positive whole number (at most {max.ToString(CultureInfo.InvariantCulture)})";
                return null;
            }

            var normalized = value.ToString(CultureInfo.InvariantCulture);
            if (!seen.Add(value))
            {
                problem = $"{normalized} is listed twice";
                return null;
            }

            values.Add(normalized);
        }

        problem = string.Empty;
        return values;
    }

    /// <summary>Distinct names, each one of <paramref name="known"/>; null with the problem otherwise.</summary>
    public static List<string>? Names(string text, IReadOnlyList<string> known, out string problem)
    {
        var values = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!known.Contains(part, StringComparer.Ordinal) || values.Contains(part, StringComparer.Ordinal))
            {
                problem = values.Contains(part, StringComparer.Ordinal) ? $"{part} is listed twice" : $"'{part}' is not one of {string.Join(", ", known)}";
                return null;
            }

            values.Add(part);
        }

        problem = string.Empty;
        return values;
    }
}
