using System.Text.Json;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// LayerNAS (Fan et al. 2023): a layerwise search with cost buckets. After <c>initial_samples</c> random feasible
/// architectures, the search passes over the decisions in order (each decision is a "layer"): for the current
/// decision it proposes every candidate kept so far with that decision changed to each of its other values (best
/// candidates first), skipping architectures already evaluated and those over the cost limit, which are discarded
/// without training. When the layer's proposals are all answered, the kept set becomes the best <c>per_bucket</c>
/// candidates of each cost bucket among the kept ones and the layer's results, and the next decision comes (after the
/// last, the first again). Buckets keep cheap and expensive candidates alive side by side, which is what lets
/// LayerNAS trade accuracy against cost in polynomial time.
/// </summary>
/// <remarks>
/// The cost comes from the study's cost function (<see cref="StrategyContext"/>), known before training; the bucket
/// edges are quantiles of the cost of <c>bucket_samples</c> random feasible architectures. Without a cost function
/// there is one bucket (a layerwise beam search). A decision inactive in a candidate is not varied; conditional
/// decisions that become active are drawn at random. With proposals outstanding and the layer's list used up, the
/// strategy proposes random feasible architectures until they come back (their results join the layer).
/// </remarks>
public sealed class LayerNas : ISearchStrategy
{
    /// <summary>The algorithm's name in specs.</summary>
    public const string Name = "layernas";

    private const int FeasibleAttempts = 10_000;

    private readonly SearchSpace _space;
    private readonly LayerNasOptions _options;
    private readonly Func<Architecture, double>? _cost;
    private readonly double _limit;
    private DeterministicRandom _random;
    private double[]? _edges;
    private readonly EvaluationLedger _ledger;
    private List<LayerNasMember> _kept = [];
    private List<LayerNasMember> _children = [];
    private Queue<string> _queue = new();
    private int _layer = -1;
    private int _initialProposed;

    /// <summary>Creates the strategy with the study's cost function and limit from <paramref name="context"/>.</summary>
    public LayerNas(SearchSpace space, LayerNasOptions options, ulong seed, StrategyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        _space = space;
        _ledger = new EvaluationLedger(space);
        _options = options;
        _cost = context?.Cost;
        _limit = context?.CostLimit ?? double.PositiveInfinity;
        _random = new DeterministicRandom(seed);
    }

    /// <summary>The catalog entry.</summary>
    public static AlgorithmDescriptor Descriptor { get; } = new(
        Name,
        "LayerNAS: layerwise search keeping the best candidates per cost bucket, under the study's cost limit (Fan et al., 2023).",
        LayerNasOptions.Parameters,
        (space, p, seed) => Create(space, p, seed, StrategyContext.Empty));

    /// <inheritdoc />
    public string Algorithm => Name;

    /// <summary>Creates the strategy from catalog parameters and a context.</summary>
    public static LayerNas Create(SearchSpace space, ResolvedParameters p, ulong seed, StrategyContext context) =>
        new(space, LayerNasOptions.From(p), seed, context);

    /// <inheritdoc />
    public Architecture Propose()
    {
        _edges ??= BucketEdges();
        if (_layer < 0 && _initialProposed < _options.InitialSamples)
        {
            _initialProposed++;
            return Mark(FreshFeasible());
        }

        for (var advances = 0; advances <= _space.Decisions.Count; advances++)
        {
            while (_queue.TryDequeue(out var key))
            {
                var candidate = Architecture.FromKey(key);
                if (!_ledger.IsKnown(candidate))
                {
                    return Mark(candidate);
                }
            }

            if (_ledger.AnyPending)
            {
                break;
            }

            NextLayer();
        }

        return Mark(FreshFeasible());
    }

    /// <inheritdoc />
    public void Observe(Architecture architecture, double? score)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        _ledger.Observe(architecture, score);
        if (score is { } s && double.IsFinite(s))
        {
            _children.Add(new LayerNasMember(architecture.Key, s, Cost(architecture)));
        }
    }

    /// <inheritdoc />
    public string SaveState()
    {
        var (seen, pending) = _ledger.Save();
        return JsonSerializer.Serialize(new LayerNasState(_random.GetState(), _edges, seen, pending, [.. _kept], [.. _children], [.. _queue], _layer, _initialProposed));
    }

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var s = JsonSerializer.Deserialize<LayerNasState>(state) ?? throw new ArgumentException("Empty LayerNAS state.", nameof(state));
        _random = DeterministicRandom.FromState(s.Random);
        _edges = s.Edges;
        _ledger.Restore(s.Seen, s.Pending);
        _kept = [.. s.Kept];
        _children = [.. s.Children];
        _queue = new Queue<string>(s.Queue);
        _layer = s.Layer;
        _initialProposed = s.InitialProposed;
    }

    /// <summary>Closes the current layer: keeps the best per bucket and queues the next decision's variations.</summary>
    private void NextLayer()
    {
        _kept = KeepBestPerBucket([.. _kept, .. _children]);
        _children = [];
        _layer = (_layer + 1) % _space.Decisions.Count;
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parent in _kept.OrderByDescending(m => m.Score))
        {
            foreach (var child in Variations(Architecture.FromKey(parent.Key), _layer))
            {
                if (Cost(child) <= _limit && !_ledger.IsKnown(child) && queued.Add(_space.CanonicalKey(child)))
                {
                    _queue.Enqueue(child.Key);
                }
            }
        }
    }

    private List<LayerNasMember> KeepBestPerBucket(IEnumerable<LayerNasMember> members) =>
        [.. members
            .Where(m => m.Cost <= _limit)
            .DistinctBy(m => _space.CanonicalKey(Architecture.FromKey(m.Key)))
            .GroupBy(m => Bucket(m.Cost))
            .OrderBy(g => g.Key)
            .SelectMany(g => g.OrderByDescending(m => m.Score).Take(_options.PerBucket))];

    private IEnumerable<Architecture> Variations(Architecture parent, int index)
    {
        if (double.IsNaN(parent[index]))
        {
            yield break;
        }

        var d = _space.Decisions[index];
        var enumerate = d.Kind != DecisionKind.Float && d.Cardinality <= CategoricalPolicy.MaxIntegerValues;
        var count = enumerate ? d.Cardinality!.Value : _options.SampledValues;
        for (var k = 0L; k < count; k++)
        {
            var value = !enumerate ? LayerNasValues.Draw(d, _random)
                : d.Kind == DecisionKind.Categorical ? k
                : d.Min + (k * d.Step);
            if (!value.Equals(parent[index]))
            {
                yield return LayerNasValues.WithValue(_space, parent, index, value, _random);
            }
        }
    }

    private int Bucket(double cost)
    {
        var bucket = 0;
        while (bucket < _edges!.Length && cost >= _edges[bucket])
        {
            bucket++;
        }

        return bucket;
    }

    private double[] BucketEdges()
    {
        if (_cost is null || _options.Buckets <= 1)
        {
            return [];
        }

        var costs = Enumerable.Range(0, _options.BucketSamples).Select(_ => Cost(_space.Sample(_random))).Where(c => c <= _limit).Order().ToArray();
        return costs.Length == 0 ? [] : [.. Enumerable.Range(1, _options.Buckets - 1).Select(b => costs[b * costs.Length / _options.Buckets]).Distinct()];
    }

    private Architecture FreshFeasible() => _ledger.FreshSample(_random, a => Cost(a) <= _limit, FeasibleAttempts);

    private Architecture Mark(Architecture architecture)
    {
        _ledger.MarkProposed(architecture);
        return architecture;
    }

    private double Cost(Architecture architecture) => _cost is null ? 0 : _cost(architecture);
}
