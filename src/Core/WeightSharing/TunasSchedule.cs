namespace NasOrleans.Core.WeightSharing;

/// <summary>
/// The step schedule of a TuNAS search (google-research <c>tunas/mobile_architecture_search.py</c>): the controller
/// does not learn for the first <see cref="RlDelayFraction"/> of the steps (its learning rate is 0, as in FBNet), the
/// op-warmup probability (enable all ops instead of the sampled one) falls linearly from 1 to 0 over the first
/// <see cref="OpWarmupFraction"/>, and once it learns the learning rate optionally grows exponentially, by 10× over
/// the rest of the search (<c>use_exponential_rl_learning_rate_schedule</c>).
/// </summary>
/// <remarks>Steps count from 0; a step count of a fraction is truncated, as TuNAS's <c>int(fraction * max_global_step)</c>.</remarks>
/// <param name="RlDelayFraction">The fraction of the steps before the controller learns (TuNAS: 0.25).</param>
/// <param name="OpWarmupFraction">The fraction of the steps over which the op-warmup probability falls to 0 (TuNAS: 0.25); at most <paramref name="RlDelayFraction"/>.</param>
/// <param name="ExponentialLearningRate">Whether the learning rate grows from 1× to 10× after the delay (TuNAS: true).</param>
public sealed record TunasSchedule(double RlDelayFraction = 0.25, double OpWarmupFraction = 0.25, bool ExponentialLearningRate = true)
{
    /// <summary>TuNAS's schedule.</summary>
    public static TunasSchedule Default { get; } = new();

    /// <summary>Throws when a fraction is outside [0, 1] or the op warmup outlasts the delay (as TuNAS refuses); returns this.</summary>
    public TunasSchedule Validate()
    {
        TunasOptions.CheckRange("rl_delay_fraction", RlDelayFraction, 0, 1);
        TunasOptions.CheckRange("op_warmup_fraction", OpWarmupFraction, 0, 1);
        if (OpWarmupFraction > RlDelayFraction)
        {
            throw new ArgumentOutOfRangeException(
                "op_warmup_fraction",
                OpWarmupFraction,
                $"op_warmup_fraction must be in [0, rl_delay_fraction = {RlDelayFraction}]: the controller must not learn from samples of the op warmup.");
        }

        return this;
    }

    /// <summary>The steps before the controller learns: ⌊<see cref="RlDelayFraction"/> · <paramref name="totalSteps"/>⌋.</summary>
    public long DelaySteps(long totalSteps) => (long)(RlDelayFraction * CheckTotal(totalSteps));

    /// <summary>The steps of the op warmup: ⌊<see cref="OpWarmupFraction"/> · <paramref name="totalSteps"/>⌋.</summary>
    public long WarmupSteps(long totalSteps) => (long)(OpWarmupFraction * CheckTotal(totalSteps));

    /// <summary>Whether the controller learns at <paramref name="step"/> (from step <see cref="DelaySteps"/> on).</summary>
    public bool Learns(long step, long totalSteps) => CheckStep(step, totalSteps) >= DelaySteps(totalSteps);

    /// <summary>
    /// The op-warmup probability at <paramref name="step"/>: 1 − step/warmup during the warmup, 0 after it (and always 0
    /// without a warmup), as TuNAS's <c>linear_decay</c>.
    /// </summary>
    public double OpWarmupProbability(long step, long totalSteps)
    {
        CheckStep(step, totalSteps);
        var warmup = WarmupSteps(totalSteps);
        return warmup == 0 || step >= warmup ? 0 : 1 - ((double)step / warmup);
    }

    /// <summary>
    /// The multiplier of the controller's learning rate at <paramref name="step"/>: 0 during the delay; after it 1, or
    /// with <see cref="ExponentialLearningRate"/> 10^p where p grows linearly from 0 at the end of the delay to 1 at
    /// the last step (TuNAS: p = (step − delay) / max(1, total − delay)).
    /// </summary>
    public double LearningRateScale(long step, long totalSteps)
    {
        if (!Learns(step, totalSteps))
        {
            return 0;
        }

        if (!ExponentialLearningRate)
        {
            return 1;
        }

        var delay = DelaySteps(totalSteps);
        var progress = (double)(step - delay) / Math.Max(1, totalSteps - delay);
        return Math.Pow(10, progress);
    }

    private static long CheckTotal(long totalSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        return totalSteps;
    }

    private static long CheckStep(long step, long totalSteps)
    {
        CheckTotal(totalSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, totalSteps);
        return step;
    }
}
