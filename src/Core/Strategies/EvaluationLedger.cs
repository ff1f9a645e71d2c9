using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// What a strategy has evaluated and has outstanding, by equivalence class (<see cref="SearchSpace.CanonicalKey"/>),
/// so that it never proposes an architecture equivalent to one it already knows. Shared by the local searches and
/// LayerNAS; its two maps are part of their saved states.
/// </summary>
internal sealed class EvaluationLedger(SearchSpace space)
{
    private const int FreshSampleAttempts = 1000;

    private Dictionary<string, double?> _seen = new(StringComparer.Ordinal);
    private Dictionary<string, int> _pending = new(StringComparer.Ordinal);

    /// <summary>Whether the class <paramref name="canonicalKey"/> was evaluated or is outstanding.</summary>
    public bool IsKnownKey(string canonicalKey) => _seen.ContainsKey(canonicalKey) || _pending.ContainsKey(canonicalKey);

    /// <summary>Whether an architecture equivalent to <paramref name="architecture"/> was evaluated or is outstanding.</summary>
    public bool IsKnown(Architecture architecture) => IsKnownKey(space.CanonicalKey(architecture));

    /// <summary>The score of an evaluated class (null for a failed trial); false when it was not evaluated.</summary>
    public bool TryGetScore(string canonicalKey, out double? score) => _seen.TryGetValue(canonicalKey, out score);

    /// <summary>Whether any proposal is outstanding.</summary>
    public bool AnyPending => _pending.Count > 0;

    /// <summary>Records a proposal as outstanding.</summary>
    public void MarkProposed(Architecture architecture)
    {
        var key = space.CanonicalKey(architecture);
        _pending[key] = _pending.GetValueOrDefault(key) + 1;
    }

    /// <summary>Records an observation (closing one outstanding proposal of its class) and returns its canonical key.</summary>
    public string Observe(Architecture architecture, double? score)
    {
        var key = space.CanonicalKey(architecture);
        if (_pending.TryGetValue(key, out var outstanding))
        {
            if (outstanding <= 1)
            {
                _pending.Remove(key);
            }
            else
            {
                _pending[key] = outstanding - 1;
            }
        }

        _seen.TryAdd(key, score);
        return key;
    }

    /// <summary>
    /// A uniformly random architecture not equivalent to a known one and accepted by <paramref name="accept"/> (if one
    /// is found in <paramref name="attempts"/> draws; else the last draw).
    /// </summary>
    public Architecture FreshSample(DeterministicRandom random, Func<Architecture, bool>? accept = null, int attempts = FreshSampleAttempts)
    {
        var sample = space.Sample(random);
        for (var attempt = 1; attempt < attempts && (IsKnown(sample) || (accept is not null && !accept(sample))); attempt++)
        {
            sample = space.Sample(random);
        }

        return sample;
    }

    /// <summary>Copies of the two maps, for a snapshot.</summary>
    public (Dictionary<string, double?> Seen, Dictionary<string, int> Pending) Save() =>
        (new(_seen, StringComparer.Ordinal), new(_pending, StringComparer.Ordinal));

    /// <summary>Restores the maps of <see cref="Save"/>.</summary>
    public void Restore(IReadOnlyDictionary<string, double?> seen, IReadOnlyDictionary<string, int> pending)
    {
        _seen = new(seen, StringComparer.Ordinal);
        _pending = new(pending, StringComparer.Ordinal);
    }
}
