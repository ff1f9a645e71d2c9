namespace NasOrleans.Grains.Training.Workers;

/// <summary>
/// A running worker as its slot sees it: the worker's input and output, a way to kill it, and what to say when it
/// ended (exit code, last lines it wrote on standard error). A process in production; pipes in tests.
/// </summary>
public abstract class SlotWorkerConnection : IDisposable
{
    /// <summary>Where the slot writes messages.</summary>
    public abstract TextWriter Input { get; }

    /// <summary>Where the slot reads the worker's lines.</summary>
    public abstract TextReader Output { get; }

    /// <summary>The worker's process id (0 when it is not a process).</summary>
    public abstract int ProcessId { get; }

    /// <summary>Kills the worker (and what it started).</summary>
    public abstract void Kill();

    /// <summary>How the worker ended, for an error message: waits briefly for its exit.</summary>
    public abstract Task<string> DescribeEndAsync();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
