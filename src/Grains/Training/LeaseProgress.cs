using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Training;

/// <summary>
/// A training's heartbeats and progress: beats go to the study's scheduler shard (carrying the whole lease, so a
/// scheduler that moved adopts it), metrics go to the study itself (which may stop the trial early). A lost lease
/// cancels the training.
/// </summary>
internal sealed class LeaseProgress(ISchedulerGrain scheduler, IStudyGrain study, LeaseBeat beat, TimeSpan beatTimeout, CancellationTokenSource lost) : ITrainingProgress
{
    public bool LeaseLost { get; private set; }

    public async ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        try
        {
            return metrics.Count > 0 && await study.ReportProgressAsync(beat.Task.TrialId, step, metrics, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The study is unreachable for now: keep training; the result will be recorded when it is back.
            return false;
        }
    }

    public async Task<HeartbeatReply> BeatAsync(CancellationToken cancellationToken)
    {
        HeartbeatReply reply;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A call to a silo that just died may hang until the response timeout: give up on this beat and send the next.
        timeout.CancelAfter(beatTimeout);
        try
        {
            reply = await scheduler.BeatAsync(beat, timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The scheduler is unreachable for now (its silo died): keep training; its successor adopts the lease.
            return HeartbeatReply.Continue;
        }

        if (reply == HeartbeatReply.LeaseLost)
        {
            LeaseLost = true;
            await lost.CancelAsync();
        }

        return reply;
    }
}
