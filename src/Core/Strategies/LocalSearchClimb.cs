using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// The bookkeeping of first-improvement hill climbing with restarts, shared by <see cref="LocalSearch"/> and
/// <c>predictor-local-search</c>: what was evaluated (by canonical key), what is outstanding, the incumbent,
/// its neighbours and how far the climb has gone through them. See <see cref="LocalSearch"/> for the rules.
/// </summary>
internal sealed class LocalSearchClimb
{
    private readonly SearchSpace _space;
    private readonly int _restartStart;
    private readonly int _patience;
    private readonly EvaluationLedger _ledger;
    private HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private string? _incumbent;
    private double _incumbentScore;
    private List<Neighbour> _untried = [];
    private string? _candidate;
    private double _candidateScore;
    private int _startObserved;
    private int _startNeeded;
    private int _tried;
    private List<string> _optima = [];

    /// <summary>Creates the climb: the first starts from the best of <paramref name="firstStart"/> observations, later ones of
    /// <paramref name="restartStart"/>; <paramref name="patience"/> &gt; 0 ends a climb after that many neighbours of one incumbent.</summary>
    public LocalSearchClimb(SearchSpace space, int firstStart, int restartStart, int patience = 0)
    {
        _space = space;
        _ledger = new EvaluationLedger(space);
        _restartStart = restartStart;
        _patience = patience;
        _startNeeded = firstStart;
    }

    /// <summary>Local optima reached (climbs that ended in a restart).</summary>
    public int Restarts => _optima.Count;

    /// <summary>The incumbents at which climbs ended, in order.</summary>
    public IReadOnlyList<string> Optima => _optima;

    /// <summary>Whether the equivalence class <paramref name="canonicalKey"/> was evaluated or is outstanding.</summary>
    public bool IsKnownKey(string canonicalKey) => _ledger.IsKnownKey(canonicalKey);

    /// <summary>
    /// The next untried neighbour of the incumbent (marked in flight): the next in visiting order, or with <paramref name="rank"/> the
    /// untried one it scores highest. Null when the climb is starting, when every neighbour is evaluated or in flight,
    /// or at a local optimum (which restarts the climb); the caller then proposes a fresh architecture.
    /// </summary>
    public Architecture? NextNeighbour(DeterministicRandom random, Func<Architecture, double>? rank = null)
    {
        while (_incumbent is not null)
        {
            var moved = false;
            Architecture? best = null;
            var bestIndex = -1;
            var bestRank = double.NegativeInfinity;
            if (_patience > 0 && _tried >= _patience)
            {
                _untried.Clear();
            }

            for (var i = 0; i < _untried.Count; i++)
            {
                var (neighbour, key) = _untried[i];
                if (_ledger.TryGetScore(key, out var known) && known is { } better && better > _incumbentScore)
                {
                    MoveTo(neighbour.Key, better, random);
                    moved = true;
                    break;
                }

                if (_ledger.IsKnownKey(key))
                {
                    _untried.RemoveAt(i--);
                    continue;
                }

                if (rank is null)
                {
                    _untried.RemoveAt(i);
                    _inFlight.Add(key);
                    _tried++;
                    return neighbour;
                }

                var r = rank(neighbour);
                if (best is null || r > bestRank)
                {
                    (best, bestIndex, bestRank) = (neighbour, i, r);
                }
            }

            if (moved)
            {
                continue;
            }

            if (best is not null)
            {
                _inFlight.Add(_untried[bestIndex].CanonicalKey);
                _untried.RemoveAt(bestIndex);
                _tried++;
                return best;
            }

            if (_inFlight.Count == 0)
            {
                _optima.Add(_incumbent);
                _incumbent = null;
                _candidate = null;
                _startObserved = 0;
                _startNeeded = _restartStart;
            }

            return null;
        }

        return null;
    }

    /// <summary>A uniformly random architecture not equivalent to one evaluated or outstanding (if one is found).</summary>
    public Architecture FreshSample(DeterministicRandom random) => _ledger.FreshSample(random);

    /// <summary>Records a proposal as outstanding.</summary>
    public void MarkProposed(Architecture architecture) => _ledger.MarkProposed(architecture);

    /// <summary>Records an observation and moves the climb when it beats the incumbent.</summary>
    public void Observe(Architecture architecture, double? score, DeterministicRandom random)
    {
        _inFlight.Remove(_ledger.Observe(architecture, score));
        if (score is not { } s || !double.IsFinite(s))
        {
            return;
        }

        if (_incumbent is not null)
        {
            if (s > _incumbentScore)
            {
                MoveTo(architecture.Key, s, random);
            }

            return;
        }

        if (_candidate is null || s > _candidateScore)
        {
            (_candidate, _candidateScore) = (architecture.Key, s);
        }

        if (++_startObserved >= _startNeeded)
        {
            MoveTo(_candidate, _candidateScore, random);
        }
    }

    public LocalSearchClimbState Save()
    {
        var (seen, pending) = _ledger.Save();
        return new(
            seen,
            pending,
            [.. _inFlight.Order(StringComparer.Ordinal)],
            _incumbent,
            _incumbentScore,
            [.. _untried.Select(n => n.Architecture.Key)],
            _candidate,
            _candidateScore,
            _startObserved,
            _startNeeded,
            _tried,
            [.. _optima]);
    }

    public void Restore(LocalSearchClimbState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _ledger.Restore(state.Seen, state.Pending);
        _inFlight = new HashSet<string>(state.InFlight, StringComparer.Ordinal);
        _incumbent = state.Incumbent;
        _incumbentScore = state.IncumbentScore;
        _untried = [.. state.Untried.Select(k => ToNeighbour(Architecture.FromKey(k)))];
        _candidate = state.Candidate;
        _candidateScore = state.CandidateScore;
        _startObserved = state.StartObserved;
        _startNeeded = state.StartNeeded;
        _tried = state.Tried;
        _optima = [.. state.Optima];
    }

    private void MoveTo(string key, double score, DeterministicRandom random)
    {
        _incumbent = key;
        _incumbentScore = score;
        _candidate = null;
        _inFlight.Clear();
        _untried = Shuffle(_space.Neighbours(Architecture.FromKey(key), random).Select(n => n.Key).Distinct(StringComparer.Ordinal).ToList(), random);
        _tried = 0;
    }

    private List<Neighbour> Shuffle(List<string> keys, DeterministicRandom random)
    {
        for (var i = keys.Count - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (keys[i], keys[j]) = (keys[j], keys[i]);
        }

        return [.. keys.Select(k => ToNeighbour(Architecture.FromKey(k)))];
    }

    private Neighbour ToNeighbour(Architecture architecture) => new(architecture, _space.CanonicalKey(architecture));

    private readonly record struct Neighbour(Architecture Architecture, string CanonicalKey);
}
