using System.Globalization;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Loop;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// The settings of a <see cref="SupernetSearchJob"/>: TuNAS with one domain, MPNAS with several. Validation batches are
/// 4x the domain's training batch (TuNAS), capped at the validation part's size.
/// </summary>
public sealed record SupernetSearchSettings
{
    /// <summary>The reward kinds: <c>abs</c> (TuNAS), <c>mnas</c> (MnasNet soft), <c>none</c> (the accuracy alone).</summary>
    public static IReadOnlyList<string> RewardKinds => TunasOptions.RewardKinds;

    /// <summary>Supernet steps of the whole search (every step trains every domain once).</summary>
    public long TotalSteps { get; init; } = 1000;

    /// <summary>A checkpoint (and a progress report) every this many steps, and one at the end.</summary>
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>The training batch size of each domain, in domain order (one entry per domain).</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [64];

    /// <summary>The optimizer of the shared weights: SGD (momentum 0.9, Nesterov), Adam or AdamW.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    /// <summary>The shared weights' learning rate (the peak of the cosine decay).</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Whether the learning rate decays to 0 along a cosine over <see cref="TotalSteps"/> (else it stays constant).</summary>
    public bool CosineDecay { get; init; } = true;

    /// <summary>Weight decay of the shared weights (L2 for SGD and Adam, decoupled for AdamW).</summary>
    public double WeightDecay { get; init; } = 4e-5;

    /// <summary>Whether the domains' losses combine by ABDP, <c>sum_d exp(L_d / w)</c>; false: the plain sum <c>sum_d L_d</c>.</summary>
    public bool Abdp { get; init; } = true;

    /// <summary>
    /// ABDP's temperature w (positive): smaller w weighs the worse domains more; large w tends to the plain sum over w.
    /// The default 2 (not from the paper) keeps a domain's gradient weight exp(L/w)/w near 1 at the losses of an
    /// untrained 3..10-class head (L about 1.1..2.3); the weight grows exponentially with the loss, so a small w with a
    /// large learning rate can run away (w = 1 with SGD at 0.05 diverged within 5 steps on a toy supernet).
    /// </summary>
    public double AbdpW { get; init; } = 2.0;

    /// <summary>The RL delay and op-warmup fractions (TuNAS: 0.25 each); the controllers' learning-rate schedule is theirs.</summary>
    public TunasSchedule Schedule { get; init; } = TunasSchedule.Default;

    /// <summary>The reward: one of <see cref="RewardKinds"/>.</summary>
    public string RewardKind { get; init; } = "abs";

    /// <summary>β of the absolute reward or the exponent of the MnasNet reward (TuNAS: −0.10).</summary>
    public double RewardBeta { get; init; } = TunasRewards.DefaultBeta;

    /// <summary>Which cost the reward uses.</summary>
    public SupernetCostMetric CostMetric { get; init; } = SupernetCostMetric.Params;

    /// <summary>Whose parameters the reward counts: the domain's path, or its share of the multi-path model of all domains' paths against <see cref="CostTarget"/> split among the domains (MPNAS).</summary>
    public SupernetCostScope CostScope { get; init; } = SupernetCostScope.Path;

    /// <summary>The cost target (positive; parameters or FLOPs).</summary>
    public double CostTarget { get; init; } = 1e6;

    /// <summary>Steps of paths asked per <see cref="ISupernetControllers.SampleAsync"/> call (and rewards sent per call), to amortize round trips.</summary>
    public int ControllerSampleBatch { get; init; } = 16;

    /// <summary>The seed of the data order and the op warmup.</summary>
    public ulong Seed { get; init; }

    /// <summary>The device (<see cref="Devices.DeviceSelector.Choose"/>): null or <c>auto</c>, <c>cpu</c>, <c>cuda[:N]</c>.</summary>
    public string? Device { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of its range; returns this.</summary>
    public SupernetSearchSettings Validate()
    {
        Check("total_steps", TotalSteps, 1, 1e12);
        Check("checkpoint_every", CheckpointEvery, 1, int.MaxValue);
        ArgumentNullException.ThrowIfNull(BatchSizes, "batch_size");
        if (BatchSizes.Count == 0)
        {
            throw new ArgumentOutOfRangeException("batch_size", BatchSizes.Count, "batch_size needs one entry per domain; got none.");
        }

        for (var d = 0; d < BatchSizes.Count; d++)
        {
            Check(string.Create(CultureInfo.InvariantCulture, $"batch_size[{d}]"), BatchSizes[d], 1, 65_536);
        }

        if (!Enum.IsDefined(Optimizer))
        {
            throw new ArgumentOutOfRangeException("optimizer", Optimizer, $"optimizer must be one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}.");
        }

        Check("learning_rate", LearningRate, 1e-8, 10);
        Check("weight_decay", WeightDecay, 0, 1);
        Check("abdp_w", AbdpW, 1e-3, 1e6);
        ArgumentNullException.ThrowIfNull(Schedule, "schedule");
        Schedule.Validate();
        if (!RewardKinds.Contains(RewardKind, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException("reward", RewardKind, $"reward must be one of {string.Join(", ", RewardKinds)}; got '{RewardKind}'.");
        }

        Check("reward_beta", RewardBeta, -100, 100);
        if (!Enum.IsDefined(CostMetric))
        {
            throw new ArgumentOutOfRangeException("cost_metric", CostMetric, "cost_metric must be params or flops.");
        }

        if (!Enum.IsDefined(CostScope))
        {
            throw new ArgumentOutOfRangeException("cost_scope", CostScope, "cost_scope must be path or model.");
        }

        Check("cost_target", CostTarget, 1e-12, 1e15);
        Check("controller_sample_batch", ControllerSampleBatch, 1, 4096);
        return this;
    }

    /// <summary>The shared weights' learning rate at <paramref name="step"/> (0-based).</summary>
    public double LearningRateAt(long step) =>
        CosineDecay ? LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / TotalSteps)) : LearningRate;

    /// <summary>The reward of a path of <paramref name="accuracy"/> (a fraction in [0, 1], as TuNAS) at <paramref name="cost"/>.</summary>
    public double Reward(double accuracy, double cost) => Reward(accuracy, cost, CostTarget);

    /// <summary>The reward of a path of <paramref name="accuracy"/> at <paramref name="cost"/> against <paramref name="target"/> (a domain's share of the model's target).</summary>
    public double Reward(double accuracy, double cost, double target) => RewardKind switch
    {
        "abs" => TunasRewards.Absolute(accuracy, cost, target, RewardBeta),
        "mnas" => TunasRewards.MnasSoft(accuracy, cost, target, RewardBeta),
        _ => accuracy,
    };

    private static void Check(string name, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(
                name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be in [{min}, {max}]; got {value}."));
        }
    }
}
