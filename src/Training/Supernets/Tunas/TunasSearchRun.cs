using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Training.Supernets.Tunas;

/// <summary>A finished in-process TuNAS search (<see cref="TunasSearchRunner"/>): the trained supernet, which it owns, and the controller's answer.</summary>
public sealed class TunasSearchRun : IDisposable
{
    internal TunasSearchRun(Supernet supernet, TunasController controller, SupernetPolicy policy, SupernetSearchResult result, long trainingSamples)
    {
        (Supernet, Controller, Policy, Result, TrainingSamples) = (supernet, controller, policy, result, trainingSamples);
    }

    /// <summary>The supernet with its trained shared weights (disposed with this run).</summary>
    public Supernet Supernet { get; }

    /// <summary>The controller after the search (its probabilities per decision).</summary>
    public TunasController Controller { get; }

    /// <summary>The policy's argmax (the search's answer), entropy and updates.</summary>
    public SupernetPolicy Policy { get; }

    /// <summary>What the search job reported (curves, wall time, controller time).</summary>
    public SupernetSearchResult Result { get; }

    /// <summary>Training samples the shared weights were trained on: steps x batch (validation passes not counted).</summary>
    public long TrainingSamples { get; }

    /// <inheritdoc />
    public void Dispose() => Supernet.Dispose();
}
