namespace NasOrleans.Core.Reports;

/// <summary>
/// The one order of "best" trials, used wherever a study picks its best (the study's best trial, <c>nas best</c>,
/// <c>show</c>, <c>export</c>, the Pareto front, artifact retention): a higher score first; of equal scores, the
/// earlier trial (the smaller id). The stores' <c>ORDER BY score DESC, trial_id</c> is the same order.
/// </summary>
public static class TrialRanking
{
    /// <summary>Negative when the first trial ranks ahead of the second, positive when behind, 0 for the same trial.</summary>
    public static int Compare(double scoreA, long idA, double scoreB, long idB)
    {
        var byScore = scoreB.CompareTo(scoreA);
        return byScore != 0 ? byScore : idA.CompareTo(idB);
    }

    /// <summary>Whether the trial (<paramref name="score"/>, <paramref name="id"/>) ranks ahead of (<paramref name="otherScore"/>, <paramref name="otherId"/>).</summary>
    public static bool IsBetter(double score, long id, double otherScore, long otherId) => Compare(score, id, otherScore, otherId) < 0;
}
