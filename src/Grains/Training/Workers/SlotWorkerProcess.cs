using System.Diagnostics;
using System.Globalization;

namespace NasOrleans.Grains.Training.Workers;

/// <summary>
/// A worker in a child process, its standard error kept (the last lines) for the message when it dies. The slot's
/// thread budget goes with each trial (libtorch's <c>set_num_threads</c>), not in <c>OMP_NUM_THREADS</c>: pools sized
/// at start change the summation order, and the worker's results would differ (in the last digits) from a slot's in
/// the silo's own process.
/// </summary>
public sealed class SlotWorkerProcess : SlotWorkerConnection
{
    private const int StderrLinesKept = 20;
    private readonly Process _process;
    private readonly Queue<string> _stderr = new();

    private SlotWorkerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                while (_stderr.Count > StderrLinesKept)
                {
                    _stderr.Dequeue();
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <inheritdoc />
    public override TextWriter Input => _process.StandardInput;

    /// <inheritdoc />
    public override TextReader Output => _process.StandardOutput;

    /// <inheritdoc />
    public override int ProcessId => _process.Id;

    /// <summary>Starts <paramref name="command"/>.</summary>
    public static SlotWorkerProcess Start(SlotWorkerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"the slot worker '{command.FileName}' did not start");
        return new SlotWorkerProcess(process);
    }

    /// <inheritdoc />
    public override void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited already.
        }
    }

    /// <inheritdoc />
    public override async Task<string> DescribeEndAsync()
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return $"the slot's worker process {_process.Id} stopped answering";
        }

        string tail;
        lock (_stderr)
        {
            tail = string.Join(" | ", _stderr);
        }

        return string.Create(CultureInfo.InvariantCulture, $"the slot's worker process {_process.Id} exited with code {_process.ExitCode}")
            + (tail.Length > 0 ? $": {tail}" : "");
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Kill();
            _process.Dispose();
        }

        base.Dispose(disposing);
    }
}
