using NasOrleans.Core.Nb201;

namespace NasOrleans.Core.Trainers;

/// <summary>
/// The one list of metrics a strategy may be given as its cost (constrained strategies such as TabNAS and LayerNAS, and
/// reward shaping): only what a trainer knows before training an architecture, its parameters, FLOPs and measured
/// latencies. Accuracies and losses are never a cost: a strategy that saw them would search on the answer. Studies
/// (<see cref="StudyCost"/>) and <c>nas bench nb201 --constraint</c> (whose table columns <c>lat_*</c> are the latencies)
/// both check against it.
/// </summary>
public static class CostAllowList
{
    /// <summary>Every name allowed as a cost: params, flops, latency_ms, latency_{device}_ms, and the table's lat_{device} columns.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "params",
        "flops",
        "latency_ms",
        .. Nb201ReplayTrainer.LatencyDevices.Select(d => $"latency_{d}_ms"),
        .. Nb201ReplayTrainer.LatencyDevices.Select(d => $"lat_{d}"),
    ];

    private static readonly HashSet<string> Set = new(Names, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="metric"/> (a trainer metric or a NAS-Bench-201 column) may be a strategy's cost.</summary>
    public static bool IsAllowed(string? metric) => metric is not null && Set.Contains(metric);

    /// <summary>The list as messages write it.</summary>
    public static string Describe() => string.Join(", ", Names);
}
