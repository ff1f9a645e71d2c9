using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>The algorithms that specs and <c>nas bench</c> can name.</summary>
public static class StrategyCatalog
{
    /// <summary>Every algorithm, by name.</summary>
    public static IReadOnlyList<AlgorithmDescriptor> Algorithms { get; } =
    [
        RandomSearch.Descriptor,
        RegularizedEvolution.Descriptor,
    ];

    /// <summary>The algorithm named <paramref name="name"/>, or null.</summary>
    public static AlgorithmDescriptor? Find(string name) =>
        Algorithms.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>Creates a strategy; throws <see cref="ArgumentException"/> naming an unknown algorithm or a bad parameter.</summary>
    public static ISearchStrategy Create(string name, SearchSpace space, IReadOnlyDictionary<string, string>? parameters, ulong seed)
    {
        var descriptor = Find(name)
            ?? throw new ArgumentException($"Unknown algorithm '{name}'; known: {string.Join(", ", Algorithms.Select(a => a.Name))}.", nameof(name));
        return descriptor.Create(space, new ResolvedParameters(descriptor.Parameters, parameters), seed);
    }
}
