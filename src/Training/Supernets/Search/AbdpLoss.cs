using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// How a multi-domain supernet step combines its domains' losses L_d: ABDP (MPNAS's adaptive balanced domain
/// prioritization) <c>sum_d exp(L_d / w)</c>, whose gradient weighs domain d by <c>exp(L_d / w) / w</c> (the worse a
/// domain does, the more it counts); or the plain sum <c>sum_d L_d</c>. For large w, ABDP's gradient tends to the plain
/// sum's divided by w. Every term depends on its own domain only, so the job back-propagates each term alone and the
/// gradients add up to the total's.
/// </summary>
public static class AbdpLoss
{
    /// <summary>Domain loss <paramref name="loss"/>'s term of the total: <c>exp(L / w)</c> with ABDP (<paramref name="w"/> given), else L itself (a new handle).</summary>
    public static Tensor Term(Tensor loss, double? w)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (w is not { } temperature)
        {
            return loss.alias();
        }

        CheckW(temperature);
        using var scaled = loss.div(temperature);
        return scaled.exp();
    }

    /// <summary>The total of fixed domain losses: <c>sum_d exp(L_d / w)</c> with ABDP, else <c>sum_d L_d</c>.</summary>
    public static double Total(IReadOnlyList<double> losses, double? w)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (w is not { } temperature)
        {
            return losses.Sum();
        }

        CheckW(temperature);
        return losses.Sum(l => Math.Exp(l / temperature));
    }

    /// <summary>The weight of domain loss <paramref name="loss"/> in the total's gradient: <c>exp(L / w) / w</c> with ABDP, else 1.</summary>
    public static double GradientWeight(double loss, double? w)
    {
        if (w is not { } temperature)
        {
            return 1;
        }

        CheckW(temperature);
        return Math.Exp(loss / temperature) / temperature;
    }

    private static void CheckW(double w)
    {
        if (!(w > 0) || !double.IsFinite(w))
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "ABDP's w must be positive and finite.");
        }
    }
}
