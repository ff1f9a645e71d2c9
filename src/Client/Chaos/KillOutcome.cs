namespace NasOrleans.Client.Chaos;

/// <summary>Decides what one kill cost in training from the trials' attempts at the kill and at the end of the run.</summary>
internal static class KillOutcome
{
    /// <summary>
    /// The trials of <paramref name="attemptsAtKill"/> (running at the kill, keyed <c>study/trial</c>) whose attempt in
    /// <paramref name="finalAttempts"/> exceeds their attempt at the kill: their training was started again. A trial
    /// missing from the final attempts is not counted here (a trial that never completed is counted as lost instead).
    /// </summary>
    public static int TrainingsLost(IReadOnlyDictionary<string, int> attemptsAtKill, IReadOnlyDictionary<string, int> finalAttempts)
    {
        ArgumentNullException.ThrowIfNull(attemptsAtKill);
        ArgumentNullException.ThrowIfNull(finalAttempts);
        return attemptsAtKill.Count(t => finalAttempts.TryGetValue(t.Key, out var final) && final > t.Value);
    }
}
