using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Core.Tests.WeightSharing;

/// <summary>Spaces and a driver for the controller tests.</summary>
internal static class TunasControllerTestSpaces
{
    /// <summary>The rewarded choice of each decision of <see cref="Toy"/>.</summary>
    public static readonly int[] Best = [2, 0, 3, 1];

    /// <summary>Four decisions of four choices.</summary>
    public static SearchSpace Toy { get; } = new("custom",
        [.. Enumerable.Range(0, 4).Select(i => Decision.Categorical($"d{i}", ["a", "b", "c", "d"]))]);

    /// <summary>A categorical, a conditional integer (inactive: NaN) and a float decision.</summary>
    public static SearchSpace Mixed { get; } = new("custom",
    [
        Decision.Categorical("kind", ["conv", "none"]),
        Decision.Integer("width", 1, 8, condition: new DecisionCondition("kind", ["conv"])),
        Decision.Float("rate", 0.001, 1, log: true),
    ]);

    /// <summary>The toy reward: the fraction of decisions at their rewarded choice (1 for the best path only).</summary>
    public static double ToyReward(Architecture a) => Enumerable.Range(0, Best.Length).Average(i => a[i] == Best[i] ? 1.0 : 0.0);

    /// <summary>Runs <paramref name="updates"/> steps of <paramref name="batch"/> samples rewarded by <paramref name="reward"/>.</summary>
    public static void Drive(TunasController controller, int updates, int batch, Func<Architecture, double> reward)
    {
        for (var u = 0; u < updates; u++)
        {
            var samples = controller.Sample(batch);
            controller.Update([.. samples.Select(s => new TunasReward(s.Id, reward(s.Architecture)))]);
        }
    }
}
