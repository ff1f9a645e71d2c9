namespace NasOrleans.Core.Strategies;

/// <summary>
/// The proposals a controller made and has not yet heard back about, by architecture key, each with the
/// log-probability the policy gave it when proposed (the same architecture may be outstanding several times; they
/// are answered first in, first out). Part of the controller's saved state.
/// </summary>
internal sealed class PendingProposals
{
    private Dictionary<string, List<double>> _byKey = new(StringComparer.Ordinal);

    /// <summary>Proposals outstanding.</summary>
    public int Count => _byKey.Values.Sum(l => l.Count);

    /// <summary>Records a proposal.</summary>
    public void Add(string key, double logProb)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            _byKey[key] = list = [];
        }

        list.Add(logProb);
    }

    /// <summary>Removes the oldest outstanding proposal of <paramref name="key"/> and returns its log-probability; null when none is outstanding.</summary>
    public double? Take(string key)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            return null;
        }

        var logProb = list[0];
        list.RemoveAt(0);
        if (list.Count == 0)
        {
            _byKey.Remove(key);
        }

        return logProb;
    }

    /// <summary>A snapshot.</summary>
    public Dictionary<string, double[]> Save() =>
        _byKey.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Restores a snapshot of <see cref="Save"/>.</summary>
    public void Restore(IReadOnlyDictionary<string, double[]> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _byKey = state.Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
    }
}
