using System.Text.Json;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Grains.Training.Workers;

/// <summary>
/// A slot's side of its worker: starts the worker on the first trial (and again after it died or was killed), sends
/// each trial, answers its reports with the study's stop decisions, and returns its outcome. A worker that dies while
/// training fails the trial with its exit code and last error lines; the silo goes on. Cancelling a trial kills the
/// worker (a new one starts for the next trial), so that a lost lease or a drain never waits on libtorch.
/// </summary>
public sealed class SlotWorkerClient : IDisposable
{
    private readonly Func<SlotWorkerConnection> _start;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SlotWorkerConnection? _worker;

    /// <summary>Creates the client; <paramref name="start"/> starts a worker.</summary>
    public SlotWorkerClient(Func<SlotWorkerConnection> start) => _start = start;

    /// <summary>Workers started so far (1 while the first lives).</summary>
    public int Starts { get; private set; }

    /// <summary>The running worker's process id, or 0.</summary>
    public int ProcessId => _worker?.ProcessId ?? 0;

    /// <summary>Trains <paramref name="train"/> (a <see cref="SlotWorkerMessageKinds.Train"/> message) in the worker.</summary>
    public async Task<TrialOutcome> TrainAsync(SlotWorkerMessage train, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(progress);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var worker = await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await TrainOnAsync(worker, train, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Stop();
                throw;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or JsonException)
            {
                var end = await worker.DescribeEndAsync().ConfigureAwait(false);
                Stop();
                return TrialOutcome.Failure($"{end} ({ex.Message})");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        _gate.Dispose();
    }

    private async Task<SlotWorkerConnection> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_worker is { } running)
        {
            return running;
        }

        var worker = _start();
        Starts++;
        _worker = worker;
        while (await worker.Output.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (SlotWorkerWire.Parse(line)?.Kind == SlotWorkerMessageKinds.Ready)
            {
                return worker;
            }
        }

        var end = await worker.DescribeEndAsync().ConfigureAwait(false);
        Stop();
        throw new InvalidOperationException($"the slot's worker did not start: {end}");
    }

    private async Task<TrialOutcome> TrainOnAsync(SlotWorkerConnection worker, SlotWorkerMessage train, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        await SlotWorkerWire.WriteAsync(worker.Input, train, cancellationToken).ConfigureAwait(false);
        while (await worker.Output.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var message = SlotWorkerWire.Parse(line);
            switch (message?.Kind)
            {
                case SlotWorkerMessageKinds.Report:
                    var stop = await progress.ReportAsync(message.Step, message.Metrics ?? [], cancellationToken).ConfigureAwait(false);
                    await SlotWorkerWire.WriteAsync(worker.Input, new SlotWorkerMessage { Kind = SlotWorkerMessageKinds.Decision, Stop = stop }, cancellationToken).ConfigureAwait(false);
                    break;
                case SlotWorkerMessageKinds.Outcome:
                    var metrics = message.Metrics ?? [];
                    return message.Succeeded ? TrialOutcome.Success(metrics) : TrialOutcome.Failure(message.Error ?? "the worker gave no reason", metrics);
            }
        }

        var end = await worker.DescribeEndAsync().ConfigureAwait(false);
        Stop();
        return TrialOutcome.Failure($"{end} while training {train.StudyId}/{train.TrialId}");
    }

    private void Stop()
    {
        var worker = Interlocked.Exchange(ref _worker, null);
        worker?.Dispose();
    }
}
