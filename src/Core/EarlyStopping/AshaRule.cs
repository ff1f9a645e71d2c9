namespace NasOrleans.Core.EarlyStopping;

/// <summary>
/// Asynchronous successive halving (Li et al., ASHA): rungs at steps <c>minSteps × reductionFactor^k</c>.
/// A trial reaching a rung goes on only while its score is within the top 1/<c>reductionFactor</c> of the scores
/// recorded at that rung so far (once at least <c>minTrials</c> trials reached it); otherwise it stops.
/// </summary>
public sealed class AshaRule(int minSteps, int reductionFactor, int minTrials) : IEarlyStoppingRule
{
    private readonly Dictionary<int, Dictionary<long, double>> _rungs = [];

    /// <inheritdoc />
    public bool Report(long trialId, int step, double score)
    {
        if (!IsRung(step))
        {
            return false;
        }

        if (!_rungs.TryGetValue(step, out var rung))
        {
            rung = [];
            _rungs[step] = rung;
        }

        rung[trialId] = score;
        var keep = rung.Count / reductionFactor;
        if (rung.Count < minTrials || keep < 1)
        {
            return false;
        }

        var cutoff = rung.Values.OrderDescending().ElementAt(keep - 1);
        return score < cutoff;
    }

    private bool IsRung(int step)
    {
        for (long rung = minSteps; rung <= step; rung *= reductionFactor)
        {
            if (rung == step)
            {
                return true;
            }
        }

        return false;
    }
}
