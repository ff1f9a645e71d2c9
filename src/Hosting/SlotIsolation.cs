namespace NasOrleans.Hosting;

/// <summary>Where a silo's trainer slots train.</summary>
public enum SlotIsolation
{
    /// <summary>In the silo's process (libtorch's generator and thread count are shared by its slots).</summary>
    Inline,

    /// <summary>Each slot in a worker process of its own, started by the silo and restarted when it dies.</summary>
    Process,
}
