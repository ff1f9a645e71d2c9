using System.Globalization;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Training.Models;

/// <summary>Reads decision values of an architecture by name, through <see cref="SearchSpace.Describe"/>.</summary>
internal sealed class DescriptionReader
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly string _kind;

    /// <summary>Describes <paramref name="architecture"/> in <paramref name="space"/>.</summary>
    public DescriptionReader(SearchSpace space, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(architecture);
        if (architecture.Values.Length != space.Decisions.Count)
        {
            throw new ArgumentException(
                $"The architecture has {architecture.Values.Length} values; the '{space.Kind}' space has {space.Decisions.Count} decisions.",
                nameof(architecture));
        }

        _values = space.Describe(architecture);
        _kind = space.Kind;
    }

    /// <summary>The text of decision <paramref name="name"/>; throws when the architecture gives none.</summary>
    public string Text(string name) =>
        _values.TryGetValue(name, out var text)
            ? text
            : throw new ArgumentException($"The '{_kind}' architecture gives no value for decision '{name}'.", "architecture");

    /// <summary>The whole number of decision <paramref name="name"/>.</summary>
    public int Int(string name)
    {
        var text = Text(name);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"Decision '{name}' holds '{text}', which is not a whole number.", "architecture");
    }
}
