using System.Diagnostics;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>Runs a stopwatch for the lifetime of a <c>using</c> scope (time spent awaiting the controllers).</summary>
internal readonly struct ClockScope : IDisposable
{
    private readonly Stopwatch _clock;

    public ClockScope(Stopwatch clock)
    {
        _clock = clock;
        _clock.Start();
    }

    public void Dispose() => _clock.Stop();
}
