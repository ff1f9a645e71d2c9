using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

/// <summary>Drives a strategy with a fixed score function, so sequences can be compared.</summary>
internal static class StrategyTestHelpers
{
    /// <summary>A deterministic made-up score: higher for larger choice indices, with a per-edge weight.</summary>
    public static double Score(Architecture architecture) =>
        architecture.Values.Select((v, i) => v * (i + 1)).Sum();

    /// <summary>Proposes and observes <paramref name="count"/> times, returning the proposals' keys.</summary>
    public static List<string> Drive(ISearchStrategy strategy, int count)
    {
        var keys = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var architecture = strategy.Propose();
            strategy.Observe(architecture, Score(architecture));
            keys.Add(architecture.Key);
        }

        return keys;
    }

    /// <summary>How many decisions differ between two architectures.</summary>
    public static int Differences(Architecture a, Architecture b) =>
        a.Values.Zip(b.Values).Count(p => !p.First.Equals(p.Second));
}
