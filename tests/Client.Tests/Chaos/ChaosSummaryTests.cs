using NasOrleans.Client.Chaos;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Tests.Chaos;

public class ChaosSummaryTests
{
    private static ChaosKill Kill(int run, ChaosVictimRole role = ChaosVictimRole.Trainer, int trainingLost = 0, bool inFlight = true, params string[] trials) =>
        new(run, role == ChaosVictimRole.Control ? "control-0" : "trainer-1", role, trials, inFlight, trainingLost, 2.5);

    private static ChaosRunResult Run(int run, int lost = 0, int recordedTwice = 0, int leftPending = 0, StudyStatus status = StudyStatus.Completed, double recovery = 1, ChaosKill? kill = null) =>
        new(run, [kill ?? Kill(run, trials: $"chaos-{run}/1")], status, lost, recordedTwice, leftPending, recovery);

    [Fact]
    public void From_CleanRuns_SumsToZeroAndExitsOk()
    {
        var summary = ChaosSummary.From([Run(1, recovery: 3), Run(2, recovery: 1), Run(3, recovery: 2)]);

        Assert.Equal((3, 3, 3, 0, 0, 0, 0), (summary.Runs, summary.Kills, summary.KillsInFlight, summary.Lost, summary.RecordedTwice, summary.TrainingsLost, summary.TrainingsLostControl));
        Assert.Equal((2.0, 3.0), (summary.RecoveryMedianSeconds, summary.RecoveryMaxSeconds));
        Assert.True(summary.AllCompleted);
        Assert.Equal([1, 2, 3], summary.KillLog.Select(k => k.Run));
        Assert.Equal(ExitCodes.Ok, summary.ExitCode);
    }

    [Fact]
    public void From_ARunThatRecordedATrialTwice_CountsItAndExitsNonZero()
    {
        var summary = ChaosSummary.From([Run(1), Run(2, recordedTwice: 1), Run(3, recordedTwice: 2)]);

        Assert.Equal(3, summary.RecordedTwice);
        Assert.Equal(0, summary.Lost);
        Assert.Equal(ExitCodes.StudyNotCompleted, summary.ExitCode);
    }

    [Fact]
    public void From_LostOrLeftPending_CountsBothAndExitsNonZero()
    {
        var summary = ChaosSummary.From([Run(1, lost: 1), Run(2, leftPending: 2)]);

        Assert.Equal(3, summary.Lost);
        Assert.Equal(ExitCodes.StudyNotCompleted, summary.ExitCode);
    }

    [Fact]
    public void From_AStudyThatDidNotComplete_ExitsNonZero()
    {
        var summary = ChaosSummary.From([Run(1), Run(2, status: StudyStatus.Failed)]);

        Assert.False(summary.AllCompleted);
        Assert.Equal(ExitCodes.StudyNotCompleted, summary.ExitCode);
    }

    [Fact]
    public void From_EvenNumberOfRuns_MedianIsTheMeanOfTheMiddleTwo()
    {
        var summary = ChaosSummary.From([Run(1, recovery: 4), Run(2, recovery: 1), Run(3, recovery: 2), Run(4, recovery: 10)]);

        Assert.Equal(3, summary.RecoveryMedianSeconds);
        Assert.Equal(10, summary.RecoveryMaxSeconds);
    }

    [Fact]
    public void From_AControlKillThatCostATraining_CountsItInBothTotalsAndExitsNonZero()
    {
        var summary = ChaosSummary.From([
            Run(1, kill: Kill(1, ChaosVictimRole.Control, trainingLost: 1, trials: ["chaos-1/3", "chaos-1/4"])),
            Run(2, kill: Kill(2, ChaosVictimRole.Trainer, trainingLost: 2, trials: ["chaos-2/5", "chaos-2/6"])),
        ]);

        Assert.Equal(3, summary.TrainingsLost);
        Assert.Equal(1, summary.TrainingsLostControl);
        Assert.Equal(0, summary.Lost);
        Assert.Equal(ExitCodes.StudyNotCompleted, summary.ExitCode);
    }

    [Fact]
    public void From_TrainingsLostToTrainerKillsAlone_ExitsOk()
    {
        var summary = ChaosSummary.From([
            Run(1, kill: Kill(1, ChaosVictimRole.Control, trainingLost: 0, trials: ["chaos-1/3"])),
            Run(2, kill: Kill(2, ChaosVictimRole.Trainer, trainingLost: 2, trials: ["chaos-2/5", "chaos-2/6"])),
            Run(4, kill: Kill(4, ChaosVictimRole.Trainer, trainingLost: 1, trials: ["chaos-4/1"])),
        ]);

        Assert.Equal(3, summary.TrainingsLost);
        Assert.Equal(0, summary.TrainingsLostControl);
        Assert.Equal(ExitCodes.Ok, summary.ExitCode);
    }

    [Fact]
    public void From_KillsThatLandedBetweenTrainings_AreKillsButNotInFlight()
    {
        var summary = ChaosSummary.From([
            Run(1, kill: Kill(1, ChaosVictimRole.Control, inFlight: true, trials: ["chaos-1/3"])),
            Run(2, kill: Kill(2, ChaosVictimRole.Trainer, inFlight: false)),
            Run(3, kill: Kill(3, ChaosVictimRole.Control, inFlight: false)),
            Run(4, kill: Kill(4, ChaosVictimRole.Trainer, inFlight: true, trials: ["chaos-4/1", "chaos-4/2"])),
        ]);

        Assert.Equal(4, summary.Kills);
        Assert.Equal(2, summary.KillsInFlight);
        Assert.Equal([1, 0, 0, 2], summary.KillLog.Select(k => k.TrialsRunning));
    }
}
