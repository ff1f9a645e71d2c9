using System.Globalization;

namespace NasOrleans.Core.Strategies;

/// <summary>Parameter values with the defaults of their descriptors filled in; read them typed.</summary>
public sealed class ResolvedParameters
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Resolves <paramref name="given"/> against <paramref name="descriptors"/>; unknown names throw.</summary>
    public ResolvedParameters(IReadOnlyList<ParameterDescriptor> descriptors, IReadOnlyDictionary<string, string>? given)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        _values = descriptors.ToDictionary(d => d.Name, d => d.Default, StringComparer.Ordinal);
        foreach (var (name, value) in given ?? new Dictionary<string, string>())
        {
            var descriptor = descriptors.FirstOrDefault(d => d.Name == name)
                ?? throw new ArgumentException($"Unknown parameter '{name}'; known: {string.Join(", ", descriptors.Select(d => d.Name))}.", nameof(given));
            if (descriptor.Check(value) is { } problem)
            {
                throw new ArgumentException($"Parameter '{name}': {problem}.", nameof(given));
            }

            _values[name] = value;
        }
    }

    /// <summary>All values, defaults included.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>A whole-number parameter.</summary>
    public int GetInt(string name) => int.Parse(_values[name], CultureInfo.InvariantCulture);

    /// <summary>A real-number parameter.</summary>
    public double GetDouble(string name) => double.Parse(_values[name], CultureInfo.InvariantCulture);

    /// <summary>A text parameter.</summary>
    public string GetString(string name) => _values[name];

    /// <summary>A boolean parameter.</summary>
    public bool GetBool(string name) => bool.Parse(_values[name]);
}
