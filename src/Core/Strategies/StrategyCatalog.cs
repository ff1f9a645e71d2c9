using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>The algorithms that specs and <c>nas bench</c> can name.</summary>
public static class StrategyCatalog
{
    /// <summary>
    /// The algorithms that read a <see cref="StrategyContext"/> (a cost function and limit), with the factory that
    /// passes it; the others ignore the context.
    /// </summary>
    private static readonly Dictionary<string, Func<SearchSpace, ResolvedParameters, ulong, StrategyContext, ISearchStrategy>> ContextFactories =
        new(StringComparer.Ordinal)
        {
            [Reinforce.Name] = (space, p, seed, context) => new Reinforce(space, PolicyGradientOptions.From(p), seed, context.Cost),
            [Ppo.Name] = (space, p, seed, context) => new Ppo(space, PolicyGradientOptions.From(p), PpoOptions.From(p), seed, context.Cost),
            [TabNas.Name] = TabNas.Create,
            [LayerNas.Name] = LayerNas.Create,
        };

    /// <summary>Every algorithm, by name.</summary>
    public static IReadOnlyList<AlgorithmDescriptor> Algorithms { get; } =
    [
        RandomSearch.Descriptor,
        RegularizedEvolution.Descriptor,
        LocalSearch.Descriptor,
        Reinforce.Descriptor,
        Ppo.Descriptor,
        NeuralPredictorSearch.Descriptor,
        PredictorLocalSearch.Descriptor,
        TabNas.Descriptor,
        LayerNas.Descriptor,
        WeightSharing.WeightSharingAlgorithms.TunasDescriptor,
        WeightSharing.WeightSharingAlgorithms.MpnasDescriptor,
        Paired.PairedAlgorithms.PairedDescriptor,
        Paired.PairedAlgorithms.MinimaxDescriptor,
        Paired.PairedAlgorithms.DomainRandomizationDescriptor,
    ];

    /// <summary>The algorithm named <paramref name="name"/>, or null.</summary>
    public static AlgorithmDescriptor? Find(string name) =>
        Algorithms.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>Whether the algorithm named <paramref name="name"/> uses the cost function and limit of a <see cref="StrategyContext"/>.</summary>
    public static bool UsesContext(string name) => ContextFactories.ContainsKey(name);

    /// <summary>Creates a strategy; throws <see cref="ArgumentException"/> naming an unknown algorithm or a bad parameter.</summary>
    public static ISearchStrategy Create(string name, SearchSpace space, IReadOnlyDictionary<string, string>? parameters, ulong seed) =>
        Create(name, space, parameters, seed, StrategyContext.Empty);

    /// <summary>
    /// Creates a strategy with the study's <paramref name="context"/> (its cost function and cost limit, known before
    /// training); algorithms that do not use one ignore it. Throws <see cref="ArgumentException"/> naming an unknown
    /// algorithm or a bad parameter.
    /// </summary>
    public static ISearchStrategy Create(string name, SearchSpace space, IReadOnlyDictionary<string, string>? parameters, ulong seed, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var descriptor = Find(name)
            ?? throw new ArgumentException($"Unknown algorithm '{name}'; known: {string.Join(", ", Algorithms.Select(a => a.Name))}.", nameof(name));
        var resolved = new ResolvedParameters(descriptor.Parameters, parameters);
        return ContextFactories.TryGetValue(name, out var factory)
            ? factory(space, resolved, seed, context)
            : descriptor.Create(space, resolved, seed);
    }
}
