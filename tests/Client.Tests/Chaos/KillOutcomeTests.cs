using NasOrleans.Client.Chaos;

namespace NasOrleans.Client.Tests.Chaos;

public class KillOutcomeTests
{
    private static Dictionary<string, int> Attempts(params (string Trial, int Attempt)[] attempts) =>
        attempts.ToDictionary(a => a.Trial, a => a.Attempt, StringComparer.Ordinal);

    [Fact]
    public void TrainingsLost_AttemptsUnchanged_IsZero()
    {
        var lost = KillOutcome.TrainingsLost(Attempts(("s/1", 1), ("s/2", 2)), Attempts(("s/1", 1), ("s/2", 2), ("s/3", 4)));

        Assert.Equal(0, lost);
    }

    [Fact]
    public void TrainingsLost_TrialsTrainedAgain_CountsEachOnce()
    {
        var lost = KillOutcome.TrainingsLost(Attempts(("s/1", 1), ("s/2", 1), ("s/3", 2)), Attempts(("s/1", 2), ("s/2", 1), ("s/3", 5)));

        Assert.Equal(2, lost);
    }

    [Fact]
    public void TrainingsLost_TrialNotRunningAtTheKill_IsNotCounted()
    {
        // s/9 restarted, but it was not running at the kill (another silo's, or started after it).
        var lost = KillOutcome.TrainingsLost(Attempts(("s/1", 1)), Attempts(("s/1", 1), ("s/9", 3)));

        Assert.Equal(0, lost);
    }

    [Fact]
    public void TrainingsLost_TrialMissingFromTheEnd_IsNotCounted()
    {
        // s/1 has no row at the end (counted as lost, not as trained again); s/2 was trained again.
        var lost = KillOutcome.TrainingsLost(Attempts(("s/1", 1), ("s/2", 1)), Attempts(("s/2", 2)));

        Assert.Equal(1, lost);
    }
}
