using NasOrleans.Core.Spaces;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Grains.Training.Workers;

/// <summary>
/// The worker process's side of a trainer slot: reads <see cref="SlotWorkerMessageKinds.Train"/> lines, trains each
/// trial with the study's trainer (one at a time; this process is the slot's alone, so libtorch's process-wide seed
/// and thread pool are the slot's), relays intermediate metrics and the study's stop decisions, and writes the
/// outcome. Ends when its input closes (the slot's silo stopped or died).
/// </summary>
public sealed class SlotWorkerServer
{
    private readonly StudyTrainers _trainers;
    private readonly SemaphoreSlim _write = new(1, 1);
    private TaskCompletionSource<bool>? _decision;
    private volatile bool _outcomeSent;

    /// <summary>Creates the server over a trainer cache of its own.</summary>
    public SlotWorkerServer(StudyTrainers trainers) => _trainers = trainers;

    /// <summary>Serves <paramref name="input"/> until it closes or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await WriteAsync(output, new SlotWorkerMessage { Kind = SlotWorkerMessageKinds.Ready, ProcessId = Environment.ProcessId }, stop.Token).ConfigureAwait(false);
        Task? training = null;
        try
        {
            while (await input.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
            {
                var message = SlotWorkerWire.Parse(line);
                switch (message?.Kind)
                {
                    case SlotWorkerMessageKinds.Train when training is null || training.IsCompleted || _outcomeSent:
                        // The client sends the next trial once it has read the last outcome, which may be before the
                        // task that wrote it has finished: that task is done training, so wait for it to end.
                        if (training is not null)
                        {
                            await training.ConfigureAwait(false);
                        }

                        _outcomeSent = false;
                        training = Task.Run(() => TrainAsync(message, output, stop.Token), stop.Token);
                        break;
                    case SlotWorkerMessageKinds.Train:
                        throw new InvalidOperationException("a second trial arrived while one trains; a slot trains one trial at a time");
                    case SlotWorkerMessageKinds.Decision:
                        _decision?.TrySetResult(message.Stop);
                        break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            _decision?.TrySetCanceled(stop.Token);
            if (training is not null)
            {
                await training.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private async Task TrainAsync(SlotWorkerMessage train, TextWriter output, CancellationToken cancellationToken)
    {
        TrialOutcome outcome;
        try
        {
            var (space, trainer) = _trainers.Get(train.StudyId ?? "", train.SpecHash ?? "", train.Spec ?? "");
            var request = new TrainingRequest(train.StudyId ?? "", train.TrialId, space, Architecture.FromKey(train.Architecture ?? ""), train.Device, train.Threads);
            outcome = await trainer.TrainAsync(request, new Progress(this, output), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (TrainerFailures.FailsTheTrial(ex))
        {
            outcome = TrainerFailures.Of(ex);
        }

        _outcomeSent = true;
        await WriteAsync(output, new SlotWorkerMessage
        {
            Kind = SlotWorkerMessageKinds.Outcome,
            Succeeded = outcome.Succeeded,
            Metrics = outcome.Metrics.ToDictionary(StringComparer.Ordinal),
            Error = outcome.Error,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ReportAsync(TextWriter output, int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        var decision = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _decision = decision;
        await WriteAsync(output, new SlotWorkerMessage { Kind = SlotWorkerMessageKinds.Report, Step = step, Metrics = metrics.ToDictionary(StringComparer.Ordinal) }, cancellationToken).ConfigureAwait(false);
        return await decision.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(TextWriter output, SlotWorkerMessage message, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SlotWorkerWire.WriteAsync(output, message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }

    private sealed class Progress(SlotWorkerServer server, TextWriter output) : ITrainingProgress
    {
        public async ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken) =>
            await server.ReportAsync(output, step, metrics, cancellationToken).ConfigureAwait(false);
    }
}
