using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Training;

/// <summary>A trainer's progress reports, sent as heartbeats of its lease; a lost lease cancels the training.</summary>
internal sealed class LeaseProgress(ISchedulerGrain scheduler, Guid leaseId, CancellationTokenSource lost) : ITrainingProgress
{
    private int _lastStep;

    public bool LeaseLost { get; private set; }

    public async ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        _lastStep = step;
        return await BeatAsync(metrics) == HeartbeatReply.Stop;
    }

    public Task<HeartbeatReply> BeatAsync() => BeatAsync(new Dictionary<string, double>());

    private async Task<HeartbeatReply> BeatAsync(IReadOnlyDictionary<string, double> metrics)
    {
        HeartbeatReply reply;
        try
        {
            reply = await scheduler.HeartbeatAsync(leaseId, _lastStep, metrics);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The scheduler is unreachable for now: keep training; the lease decides when it comes back.
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
