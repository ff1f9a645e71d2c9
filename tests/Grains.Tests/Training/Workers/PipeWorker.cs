using System.IO.Pipes;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Training;
using NasOrleans.Grains.Training.Workers;

namespace NasOrleans.Grains.Tests.Training.Workers;

/// <summary>A slot worker served in this process over anonymous pipes: the real server, without a child process.</summary>
internal sealed class PipeWorker : SlotWorkerConnection
{
    private readonly AnonymousPipeServerStream _toWorker = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _fromWorker = new(PipeDirection.In);
    private readonly CancellationTokenSource _kill = new();
    private readonly Task _served;

    public PipeWorker(Action<string>? noise = null)
    {
        var workerIn = new AnonymousPipeClientStream(PipeDirection.In, _toWorker.ClientSafePipeHandle);
        var workerOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromWorker.ClientSafePipeHandle);
        Input = new StreamWriter(_toWorker);
        Output = new StreamReader(_fromWorker);
        _served = Task.Run(async () =>
        {
            using var reader = new StreamReader(workerIn);
            await using var writer = new StreamWriter(workerOut);
            noise?.Invoke("printed by native code");
            if (noise is not null)
            {
                await writer.WriteLineAsync("libtorch: some warning on stdout");
            }

            try
            {
                await new SlotWorkerServer(new StudyTrainers(TrainerCatalog.Default, new TrainerEnvironment(null, TimeProvider.System))).RunAsync(reader, writer, _kill.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed.
            }
        });
    }

    public override TextWriter Input { get; }

    public override TextReader Output { get; }

    public override int ProcessId => 0;

    public bool Killed => _kill.IsCancellationRequested;

    public override void Kill()
    {
        _kill.Cancel();
        _served.ContinueWith(_ => _fromWorker.Dispose(), TaskScheduler.Default);
    }

    public override Task<string> DescribeEndAsync() => Task.FromResult("the test worker ended");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Kill();
        }

        base.Dispose(disposing);
    }
}
