using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// A search strategy: proposes architectures and learns from their scores. Deterministic for a given
/// seed and sequence of observations; its whole state saves to text so a grain can snapshot and restore it.
/// </summary>
public interface ISearchStrategy
{
    /// <summary>The algorithm's name as specs write it.</summary>
    string Algorithm { get; }

    /// <summary>Proposes the next architecture to evaluate. Several may be outstanding at once.</summary>
    Architecture Propose();

    /// <summary>
    /// Tells the strategy the search score of an architecture it proposed: higher is better (the study
    /// negates minimized objectives); null when the trial failed.
    /// </summary>
    void Observe(Architecture architecture, double? score);

    /// <summary>The strategy's whole state as JSON.</summary>
    string SaveState();

    /// <summary>Restores a state written by <see cref="SaveState"/> of the same algorithm and space.</summary>
    void RestoreState(string state);
}
