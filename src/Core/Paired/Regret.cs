namespace NasOrleans.Core.Paired;

/// <summary>
/// PAIRED's regret estimate (Dennis et al. 2020, eq. 2): the antagonist's best episode return on a level minus
/// the protagonist's mean return on it, clipped at 0 so a level the protagonist beats gives the adversary nothing.
/// </summary>
public static class Regret
{
    /// <summary>max(antagonist returns) − mean(protagonist returns), at least 0.</summary>
    /// <exception cref="ArgumentException">Either list is empty.</exception>
    public static double Compute(IReadOnlyList<double> antagonistReturns, IReadOnlyList<double> protagonistReturns)
    {
        ArgumentNullException.ThrowIfNull(antagonistReturns);
        ArgumentNullException.ThrowIfNull(protagonistReturns);
        if (antagonistReturns.Count == 0)
        {
            throw new ArgumentException("Regret needs at least one completed antagonist episode.", nameof(antagonistReturns));
        }

        if (protagonistReturns.Count == 0)
        {
            throw new ArgumentException("Regret needs at least one completed protagonist episode.", nameof(protagonistReturns));
        }

        return Math.Max(0.0, antagonistReturns.Max() - protagonistReturns.Average());
    }

    /// <summary>The regret of each level, from per-level lists of episode returns (same order, same count).</summary>
    public static double[] Compute(
        IReadOnlyList<IReadOnlyList<double>> antagonistReturns, IReadOnlyList<IReadOnlyList<double>> protagonistReturns)
    {
        ArgumentNullException.ThrowIfNull(antagonistReturns);
        ArgumentNullException.ThrowIfNull(protagonistReturns);
        if (antagonistReturns.Count != protagonistReturns.Count)
        {
            throw new ArgumentException(
                $"{antagonistReturns.Count} antagonist levels but {protagonistReturns.Count} protagonist levels.", nameof(protagonistReturns));
        }

        var regrets = new double[antagonistReturns.Count];
        for (var i = 0; i < regrets.Length; i++)
        {
            regrets[i] = Compute(antagonistReturns[i], protagonistReturns[i]);
        }

        return regrets;
    }

    /// <summary>
    /// The regret of each environment's level, environment i of the antagonists playing the same level as
    /// environment i of the protagonists, from their completed episodes.
    /// </summary>
    public static double[] Compute(StudentEnvironments antagonists, StudentEnvironments protagonists)
    {
        ArgumentNullException.ThrowIfNull(antagonists);
        ArgumentNullException.ThrowIfNull(protagonists);
        if (antagonists.Count != protagonists.Count)
        {
            throw new ArgumentException(
                $"{antagonists.Count} antagonist environments but {protagonists.Count} protagonist environments.", nameof(protagonists));
        }

        var regrets = new double[antagonists.Count];
        for (var env = 0; env < regrets.Length; env++)
        {
            if (!antagonists.Level(env).Equals(protagonists.Level(env)))
            {
                throw new ArgumentException($"Environment {env} plays different levels for the two students.", nameof(protagonists));
            }

            regrets[env] = Compute(antagonists.EpisodeReturns(env), protagonists.EpisodeReturns(env));
        }

        return regrets;
    }
}
