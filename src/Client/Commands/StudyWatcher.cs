using System.Threading.Channels;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary>A grain observer that turns a study's progress notifications into an async stream, renewing its subscription.</summary>
internal sealed class StudyWatcher : IStudyObserver
{
    private readonly Channel<StudySummary> _updates = Channel.CreateUnbounded<StudySummary>();

    public Task OnProgress(StudySummary summary)
    {
        _updates.Writer.TryWrite(summary);
        return Task.CompletedTask;
    }

    /// <summary>Subscribes to <paramref name="studyId"/> and yields summaries until the study ends.</summary>
    public async IAsyncEnumerable<StudySummary> WatchAsync(IGrainFactory grains, string studyId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var study = grains.GetGrain<IStudyGrain>(studyId);
        var reference = grains.CreateObjectReference<IStudyObserver>(this);
        try
        {
            var current = await study.GetStatusAsync();
            yield return current;
            while (current.Status == StudyStatus.Running)
            {
                await study.WatchAsync(reference);
                using var renew = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                renew.CancelAfter(TimeSpan.FromSeconds(20));
                StudySummary? next = null;
                try
                {
                    next = await _updates.Reader.ReadAsync(renew.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // No news for a while: renew the subscription and ask directly.
                    next = await study.GetStatusAsync();
                }

                current = next;
                yield return current;
            }
        }
        finally
        {
            await study.UnwatchAsync(reference);
            grains.DeleteObjectReference<IStudyObserver>(reference);
        }
    }
}
