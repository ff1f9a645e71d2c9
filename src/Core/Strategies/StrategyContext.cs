using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// What a host gives a strategy besides its space, parameters and seed: a cost function known before training (for
/// example a latency table or a FLOPs count) and the limit on it, used by reward shaping and by constrained strategies
/// (see <see cref="StrategyCatalog.Create(string, SearchSpace, IReadOnlyDictionary{string, string}?, ulong, StrategyContext)"/>). Not part of a
/// strategy's saved state: the host passes the same context again when it restores one.
/// </summary>
/// <param name="Cost">The cost of an architecture, or null when the study has none.</param>
/// <param name="CostLimit">The largest feasible cost (a hard constraint for TabNAS and LayerNAS), or null for none.</param>
public sealed record StrategyContext(Func<Architecture, double>? Cost = null, double? CostLimit = null)
{
    /// <summary>No cost function.</summary>
    public static StrategyContext Empty { get; } = new();
}
