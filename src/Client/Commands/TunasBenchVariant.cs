using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Client.Commands;

/// <summary>One search of <c>nas bench tunas</c>: its reward, cost target, schedule, and whether it ranks the random architectures.</summary>
/// <param name="Name">The piece's name (<c>search-NAME.json</c>).</param>
/// <param name="Reward">The reward kind: <c>abs</c> (TuNAS) or <c>mnas</c> (MnasNet soft).</param>
/// <param name="Target">Which of the three cost targets (0, 1, 2).</param>
/// <param name="Schedule">The RL delay and op warmup.</param>
/// <param name="Ranks">Whether the one-shot accuracies of the random architectures are taken on its supernet.</param>
internal sealed record TunasBenchVariant(string Name, string Reward, int Target, TunasSchedule Schedule, bool Ranks)
{
    /// <summary>The main search: TuNAS's absolute reward at the middle target, its schedule.</summary>
    public const string Main = "abs-t2";

    /// <summary>The ablation without op warmup (the RL delay kept).</summary>
    public const string NoWarmup = "no-warmup";

    /// <summary>The ablation without RL delay (and so without op warmup, which may not outlast the delay).</summary>
    public const string NoDelay = "no-delay";

    /// <summary>Every search: both rewards at three targets, then the two ablations.</summary>
    public static IReadOnlyList<TunasBenchVariant> All { get; } =
    [
        new("abs-t1", "abs", 0, TunasSchedule.Default, false),
        new(Main, "abs", 1, TunasSchedule.Default, true),
        new("abs-t3", "abs", 2, TunasSchedule.Default, false),
        new("mnas-t1", "mnas", 0, TunasSchedule.Default, false),
        new("mnas-t2", "mnas", 1, TunasSchedule.Default, false),
        new("mnas-t3", "mnas", 2, TunasSchedule.Default, false),
        new(NoWarmup, "abs", 1, new TunasSchedule(OpWarmupFraction: 0), true),
        new(NoDelay, "abs", 1, new TunasSchedule(RlDelayFraction: 0, OpWarmupFraction: 0), true),
    ];

    /// <summary>The reward's β (abs, TuNAS's −0.10) or exponent (mnas, MnasNet's −0.07).</summary>
    public double Beta => Reward == "mnas" ? TunasRewards.DefaultMnasExponent : TunasRewards.DefaultBeta;
}
