using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Tests;

/// <summary>Polls a study's summary until a condition holds, failing with what it was waiting for.</summary>
internal static class StudyWaits
{
    public static async Task<StudySummary> WaitForAsync(IStudyGrain study, Func<StudySummary, bool> done, string what, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var summary = await study.GetStatusAsync();
            if (done(summary))
            {
                return summary;
            }

            Assert.False(timeout.IsCancellationRequested, $"timed out waiting for {what}: {summary.Status}, completed {summary.Completed}, running {summary.Running}");
            await Task.Delay(50);
        }
    }
}
