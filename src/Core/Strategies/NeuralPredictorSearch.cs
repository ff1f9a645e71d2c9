using System.Text.Json;
using NasOrleans.Core.Predictors;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// Neural Predictor (Wen et al. 2020): evaluate <c>initial_samples</c> random architectures, fit a regression model
/// from architecture to score, rank a large random pool (<c>candidates</c>) by prediction and evaluate the best
/// <c>top_k</c>; then refit with their results and rank again, until the budget ends. The model is
/// <see cref="ArchitecturePredictor"/> (Gaussian-process mean over an exponential Hamming kernel, refitted exactly
/// in O(n²) per observation) in place of the paper's graph network: the same role, with no training loop.
/// </summary>
/// <remarks>
/// Proposals are distinct by <see cref="SearchSpace.CanonicalKey"/>: a candidate equivalent to one evaluated or
/// outstanding is skipped. With proposals outstanding and the current top <c>top_k</c> used up, the pool is ranked
/// again with what is known. The pool is drawn from its own seed and the model is rebuilt by replaying the
/// observations in order, so neither is stored; the saved state holds the observations and the current top-k queue.
/// A failed trial counts as evaluated and is not learned from.
/// </remarks>
public sealed class NeuralPredictorSearch : ISearchStrategy
{
    /// <summary>The algorithm's name in specs.</summary>
    public const string Name = "neural-predictor";

    private readonly SearchSpace _space;
    private readonly NeuralPredictorOptions _options;
    private ulong _poolSeed;
    private DeterministicRandom _random;
    private ArchitecturePredictor _model;
    private CandidatePool? _pool;
    private List<PredictorObservation> _observations = [];
    private HashSet<string> _known = new(StringComparer.Ordinal);
    private Queue<string> _queue = new();
    private int _sinceRanking;

    /// <summary>Creates the strategy; see <see cref="Descriptor"/> for the options.</summary>
    public NeuralPredictorSearch(SearchSpace space, NeuralPredictorOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        _space = space;
        _options = options;
        _random = new DeterministicRandom(seed);
        _poolSeed = seed ^ 0x2545F4914F6CDD1DUL;
        _model = options.Surrogate.CreatePredictor(space);
    }

    /// <summary>The catalog entry.</summary>
    public static AlgorithmDescriptor Descriptor { get; } = new(
        Name,
        "Neural Predictor (Wen et al., 2020): random samples, then the best-predicted of a large random pool, refitted as results arrive.",
        NeuralPredictorOptions.Parameters,
        (space, p, seed) => new NeuralPredictorSearch(space, NeuralPredictorOptions.From(p), seed));

    /// <inheritdoc />
    public string Algorithm => Name;

    /// <inheritdoc />
    public Architecture Propose()
    {
        Architecture? next = null;
        if (_model.Count >= _options.InitialSamples)
        {
            if (_sinceRanking >= _options.TopK)
            {
                _queue.Clear();
            }

            next = Dequeue();
            if (next is null)
            {
                Rank();
                next = Dequeue();
            }
        }

        next ??= FreshSample();
        _known.Add(_space.CanonicalKey(next));
        return next;
    }

    /// <inheritdoc />
    public void Observe(Architecture architecture, double? score)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        _known.Add(_space.CanonicalKey(architecture));
        if (score is { } s && double.IsFinite(s))
        {
            _observations.Add(new PredictorObservation(architecture.Key, s));
            _model.Add(architecture, s);
            _sinceRanking++;
        }
    }

    /// <inheritdoc />
    public string SaveState() =>
        JsonSerializer.Serialize(new State(_random.GetState(), _poolSeed, [.. _observations], [.. _known.Order(StringComparer.Ordinal)], [.. _queue], _sinceRanking));

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var s = JsonSerializer.Deserialize<State>(state) ?? throw new ArgumentException("Empty neural-predictor state.", nameof(state));
        _random = DeterministicRandom.FromState(s.Random);
        _poolSeed = s.PoolSeed;
        _observations = [.. s.Observations];
        _known = new HashSet<string>(s.Known, StringComparer.Ordinal);
        _queue = new Queue<string>(s.Queue);
        _sinceRanking = s.SinceRanking;
        _model = _options.Surrogate.CreatePredictor(_space);
        _pool = null;
        foreach (var o in _observations)
        {
            _model.Add(Architecture.FromKey(o.Key), o.Score);
        }
    }

    private void Rank()
    {
        _pool ??= new CandidatePool(_space, _model, _options.Candidates, _poolSeed);
        _queue = new Queue<string>(_pool.Ranked(_model, _known.Contains).Take(_options.TopK).Select(a => a.Key));
        _sinceRanking = 0;
    }

    private Architecture? Dequeue()
    {
        while (_queue.TryDequeue(out var key))
        {
            var architecture = Architecture.FromKey(key);
            if (!_known.Contains(_space.CanonicalKey(architecture)))
            {
                return architecture;
            }
        }

        return null;
    }

    private Architecture FreshSample()
    {
        var sample = _space.Sample(_random);
        for (var attempt = 1; attempt < 1000 && _known.Contains(_space.CanonicalKey(sample)); attempt++)
        {
            sample = _space.Sample(_random);
        }

        return sample;
    }

    private sealed record State(ulong[] Random, ulong PoolSeed, PredictorObservation[] Observations, string[] Known, string[] Queue, int SinceRanking);
}
