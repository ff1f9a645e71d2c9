namespace NasOrleans.Core.Strategies;

/// <summary>The serializable state of a <see cref="LocalSearchClimb"/>.</summary>
/// <param name="Seen">Score of every evaluated equivalence class (canonical key); null for a failed trial.</param>
/// <param name="Pending">Canonical keys proposed and not yet observed, with how many times each is outstanding.</param>
/// <param name="InFlight">Canonical keys of outstanding neighbours of the current incumbent.</param>
/// <param name="Incumbent">The incumbent's architecture key, or null while a climb is starting.</param>
/// <param name="IncumbentScore">The incumbent's score.</param>
/// <param name="Untried">The incumbent's neighbours not yet proposed or skipped (architecture keys), in visiting order.</param>
/// <param name="Candidate">The best architecture key observed since the climb (re)started, or null.</param>
/// <param name="CandidateScore">Its score.</param>
/// <param name="StartObserved">Scored observations since the climb (re)started.</param>
/// <param name="StartNeeded">Scored observations a starting climb waits for before it picks its incumbent.</param>
/// <param name="Tried">Neighbours of the current incumbent proposed so far.</param>
/// <param name="Optima">The architecture keys of the local optima reached, in order.</param>
internal sealed record LocalSearchClimbState(
    Dictionary<string, double?> Seen,
    Dictionary<string, int> Pending,
    List<string> InFlight,
    string? Incumbent,
    double IncumbentScore,
    List<string> Untried,
    string? Candidate,
    double CandidateScore,
    int StartObserved,
    int StartNeeded,
    int Tried,
    List<string> Optima);
