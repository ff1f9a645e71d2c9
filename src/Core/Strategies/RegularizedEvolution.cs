using System.Text.Json;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// Regularized (aging) evolution, Real et al. 2019: the first <c>population_size</c> proposals are random;
/// then each proposal mutates one decision of the best of <c>sample_size</c> members drawn from the
/// population, and every observed child pushes out the oldest member.
/// </summary>
public sealed class RegularizedEvolution : ISearchStrategy
{
    /// <summary>The algorithm's name in specs.</summary>
    public const string Name = "evolution";

    private readonly SearchSpace _space;
    private readonly int _populationSize;
    private readonly int _sampleSize;
    private DeterministicRandom _random;
    private Queue<Member> _population = new();
    private int _randomProposals;

    /// <summary>Creates the strategy; see <see cref="Descriptor"/> for the parameters.</summary>
    public RegularizedEvolution(SearchSpace space, int populationSize, int sampleSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(populationSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        _space = space;
        _populationSize = populationSize;
        _sampleSize = sampleSize;
        _random = new DeterministicRandom(seed);
    }

    /// <summary>The catalog entry, with the NAS-Bench-201 scripts' settings as defaults.</summary>
    public static AlgorithmDescriptor Descriptor { get; } = new(
        Name,
        "Regularized (aging) evolution with tournament selection and one-decision mutation (Real et al., 2019).",
        [
            new ParameterDescriptor("population_size", ParameterKind.Integer, "10", "Members kept alive; the oldest dies when a child is added.", Min: 2, Max: 100_000),
            new ParameterDescriptor("sample_size", ParameterKind.Integer, "3", "Tournament size: members drawn (with replacement) to pick a parent.", Min: 1, Max: 100_000),
        ],
        (space, p, seed) => new RegularizedEvolution(space, p.GetInt("population_size"), p.GetInt("sample_size"), seed));

    /// <inheritdoc />
    public string Algorithm => Name;

    /// <inheritdoc />
    public Architecture Propose()
    {
        if (_randomProposals < _populationSize || _population.Count == 0)
        {
            _randomProposals++;
            return _space.Sample(_random);
        }

        var members = _population.ToArray();
        var parent = members[_random.NextInt(members.Length)];
        for (var i = 1; i < _sampleSize; i++)
        {
            var candidate = members[_random.NextInt(members.Length)];
            if (candidate.Score > parent.Score)
            {
                parent = candidate;
            }
        }

        return _space.Mutate(Architecture.FromKey(parent.Key), _random);
    }

    /// <inheritdoc />
    public void Observe(Architecture architecture, double? score)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (score is not { } s)
        {
            return;
        }

        _population.Enqueue(new Member(architecture.Key, s));
        while (_population.Count > _populationSize)
        {
            _population.Dequeue();
        }
    }

    /// <inheritdoc />
    public string SaveState() =>
        JsonSerializer.Serialize(new State(_random.GetState(), [.. _population], _randomProposals));

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var s = JsonSerializer.Deserialize<State>(state) ?? throw new ArgumentException("Empty evolution state.", nameof(state));
        _random = DeterministicRandom.FromState(s.Random);
        _population = new Queue<Member>(s.Population);
        _randomProposals = s.RandomProposals;
    }

    private sealed record Member(string Key, double Score);

    private sealed record State(ulong[] Random, Member[] Population, int RandomProposals);
}
