using System.Text.Json;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>Random search: every proposal is an independent uniform sample of the space.</summary>
public sealed class RandomSearch : ISearchStrategy
{
    /// <summary>The algorithm's name in specs.</summary>
    public const string Name = "random";

    private readonly SearchSpace _space;
    private DeterministicRandom _random;

    /// <summary>Creates a random search over <paramref name="space"/>.</summary>
    public RandomSearch(SearchSpace space, ulong seed)
    {
        _space = space;
        _random = new DeterministicRandom(seed);
    }

    /// <summary>The catalog entry: random search has no parameters.</summary>
    public static AlgorithmDescriptor Descriptor { get; } = new(
        Name,
        "Uniform random sampling of the space; the baseline every NAS paper reports.",
        [],
        (space, _, seed) => new RandomSearch(space, seed));

    /// <inheritdoc />
    public string Algorithm => Name;

    /// <inheritdoc />
    public Architecture Propose() => _space.Sample(_random);

    /// <inheritdoc />
    public void Observe(Architecture architecture, double? score)
    {
    }

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(_random.GetState());

    /// <inheritdoc />
    public void RestoreState(string state) =>
        _random = DeterministicRandom.FromState(JsonSerializer.Deserialize<ulong[]>(state) ?? throw new ArgumentException("Empty random-search state.", nameof(state)));
}
