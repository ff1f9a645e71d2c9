using System.Text.Json;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// First-improvement hill climbing with random restarts (White et al. 2021, "Local search is state of the art for
/// neural architecture search benchmarks"). The first climb starts from the best of <c>start_samples</c> random
/// architectures, later ones from the best of <c>restart_samples</c>; then each proposal is the next untried
/// one-decision neighbour (<see cref="SearchSpace.Neighbours"/>) of the incumbent, in a seeded random order, and the
/// first neighbour observed better than the incumbent becomes the incumbent. When every neighbour of the incumbent has been evaluated and none is better (a local optimum), the
/// climb restarts from fresh random architectures.
/// </summary>
/// <remarks>
/// Architectures are compared by <see cref="SearchSpace.CanonicalKey"/>: a neighbour equivalent to one already
/// evaluated is not proposed again, and when its known score beats the incumbent the climb moves there at no cost.
/// With several proposals outstanding the strategy keeps proposing untried neighbours of the current incumbent; any
/// observation better than the incumbent (also a late one, for a neighbour of an earlier incumbent) moves the climb
/// there. When every neighbour is evaluated or in flight it proposes random architectures until the outstanding ones
/// come back. A failed trial (no score) counts as evaluated and never becomes the incumbent.
/// </remarks>
public sealed class LocalSearch : ISearchStrategy
{
    /// <summary>The algorithm's name in specs.</summary>
    public const string Name = "local-search";

    private readonly SearchSpace _space;
    private readonly int _startSamples;
    private readonly int _restartSamples;
    private readonly LocalSearchClimb _climb;
    private DeterministicRandom _random;

    /// <summary>Creates the strategy; see <see cref="Descriptor"/> for the parameters.</summary>
    public LocalSearch(SearchSpace space, int startSamples, int restartSamples, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfLessThan(startSamples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(restartSamples, 1);
        _space = space;
        _startSamples = startSamples;
        _restartSamples = restartSamples;
        _random = new DeterministicRandom(seed);
        _climb = new LocalSearchClimb(space, startSamples, restartSamples);
    }

    /// <summary>The catalog entry.</summary>
    public static AlgorithmDescriptor Descriptor { get; } = new(
        Name,
        "First-improvement hill climbing over one-decision neighbours, in random order, with random restarts at local optima.",
        [
            new ParameterDescriptor("start_samples", ParameterKind.Integer, "10", "Random architectures evaluated before the first climb; it starts from the best of them.", Min: 1, Max: 100_000),
            new ParameterDescriptor("restart_samples", ParameterKind.Integer, "1", "Random architectures evaluated at each restart; the new climb starts from the best of them.", Min: 1, Max: 100_000),
        ],
        (space, p, seed) => new LocalSearch(space, p.GetInt("start_samples"), p.GetInt("restart_samples"), seed));

    /// <inheritdoc />
    public string Algorithm => Name;

    /// <summary>Local optima reached so far (climbs that ended in a restart).</summary>
    public int Restarts => _climb.Restarts;

    /// <inheritdoc />
    public Architecture Propose()
    {
        var next = _climb.NextNeighbour(_random) ?? _climb.FreshSample(_random);
        _climb.MarkProposed(next);
        return next;
    }

    /// <inheritdoc />
    public void Observe(Architecture architecture, double? score)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        _climb.Observe(architecture, score, _random);
    }

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(new State(_random.GetState(), _climb.Save()));

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var s = JsonSerializer.Deserialize<State>(state) ?? throw new ArgumentException("Empty local-search state.", nameof(state));
        _random = DeterministicRandom.FromState(s.Random);
        _climb.Restore(s.Climb);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (start_samples {_startSamples}, restart_samples {_restartSamples}, space {_space.Kind})";

    private sealed record State(ulong[] Random, LocalSearchClimbState Climb);
}
