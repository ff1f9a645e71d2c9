namespace NasOrleans.Core.Strategies;

/// <summary>
/// The exponential-moving-average reward baseline of Zoph and Le (2017), bias-corrected as in the NAS-Bench-201
/// REINFORCE script: value = Σ (1−d)·d^k·r / Σ (1−d)·d^k over the rewards seen, so the first value is the first
/// reward rather than a fraction of it.
/// </summary>
/// <param name="Decay">The weight d of the past (0 &lt;= d &lt; 1).</param>
/// <param name="Numerator">The decayed sum of rewards.</param>
/// <param name="Denominator">The decayed sum of weights.</param>
public sealed record MovingAverageBaseline(double Decay, double Numerator = 0, double Denominator = 0)
{
    /// <summary>The baseline: the bias-corrected average, 0 before any reward.</summary>
    public double Value => Denominator > 0 ? Numerator / Denominator : 0;

    /// <summary>The baseline after one more reward.</summary>
    public MovingAverageBaseline Update(double reward) =>
        this with { Numerator = (Decay * Numerator) + ((1 - Decay) * reward), Denominator = (Decay * Denominator) + (1 - Decay) };
}
