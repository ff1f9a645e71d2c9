using NasOrleans.Client.Chaos;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Tests.Chaos;

public class ChaosSummaryTests
{
    private static ChaosRunResult Run(int run, int lost = 0, int recordedTwice = 0, int leftPending = 0, StudyStatus status = StudyStatus.Completed, double recovery = 1) =>
        new(run, "silo-1", status, lost, recordedTwice, leftPending, recovery);

    [Fact]
    public void From_CleanRuns_SumsToZeroAndExitsOk()
    {
        var summary = ChaosSummary.From([Run(1, recovery: 3), Run(2, recovery: 1), Run(3, recovery: 2)]);

        Assert.Equal(new ChaosSummary(3, 0, 0, 2, 3, true), summary);
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
}
